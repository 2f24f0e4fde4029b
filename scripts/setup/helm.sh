#!/usr/bin/env bash
# Installs the chart tooling into .cache/ at the repository root:
#   .cache/bin/helm, .cache/bin/kubeconform  (built from source with `go install`)
#   .cache/k8s-schemas/v<kube version>-strict/ (Kubernetes JSON schemas, for offline validation)
# Only package registries are reachable, so binaries come from the Go module proxy and the
# schemas from the kubernetes-validate wheel on PyPI. Safe to run again: each step checks a
# stamp file and skips what is already at the pinned version.
set -euo pipefail

HELM_VERSION="v3.22.0"
HELM_KUBE_MINOR="37"               # minor of the k8s.io/client-go that HELM_VERSION builds with
KUBECONFORM_VERSION="v0.8.0"
SCHEMA_PACKAGE_VERSION="1.37.0"   # kubernetes-validate on PyPI
KUBE_VERSION="1.34.0"             # schema set used for validation

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.cache"
BIN="$CACHE/bin"
SCHEMAS="$CACHE/k8s-schemas"
mkdir -p "$BIN" "$SCHEMAS"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup/helm: '$1' is required ($2)" >&2; exit 1; }
}

# go_tool NAME MODULE VERSION [LDFLAGS]: builds MODULE@VERSION into .cache/bin unless already there.
go_tool() {
  local name="$1" module="$2" version="$3" ldflags="${4:-}" stamp="$BIN/.$1.version"
  local build="$version $ldflags"
  if [[ -x "$BIN/$name" && -f "$stamp" && "$(cat "$stamp")" == "$build" ]]; then
    echo "setup/helm: $name $version already installed"
    return
  fi
  need go "install Go 1.26+, e.g. from Debian's golang package or the Go toolchain"
  echo "setup/helm: building $name $version"
  GOBIN="$BIN" CGO_ENABLED=0 go install -trimpath -ldflags="-s -w $ldflags" "$module@$version"
  echo "$build" >"$stamp"
}

# The wheel ships per-kind schemas that point at a shared _definitions.json through an absolute
# kubernetes.io URL; rewrite those to relative file references so nothing is fetched at run time.
install_schemas() {
  local target="$SCHEMAS/v$KUBE_VERSION-strict" stamp="$SCHEMAS/.version"
  local want="$SCHEMA_PACKAGE_VERSION/$KUBE_VERSION"
  if [[ -f "$target/_definitions.json" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "setup/helm: Kubernetes $KUBE_VERSION schemas already installed"
    return
  fi
  need python3 "used to fetch and unpack the schema wheel"
  local tmp
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"; trap - RETURN' RETURN
  echo "setup/helm: fetching kubernetes-validate $SCHEMA_PACKAGE_VERSION schemas"
  python3 -m pip download --quiet --no-deps --disable-pip-version-check \
    -d "$tmp" "kubernetes-validate==$SCHEMA_PACKAGE_VERSION"
  rm -rf "$target"
  python3 - "$tmp" "$target" "v$KUBE_VERSION-local-strict" <<'PY'
import glob, json, os, sys, zipfile

tmp, target, folder = sys.argv[1], sys.argv[2], sys.argv[3]
prefix = f"kubernetes_validate/kubernetes-json-schema/{folder}/"
shared = "/api/_definitions.json#"

def relink(node):
    if isinstance(node, dict):
        node.pop("$id", None)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(shared):
            node["$ref"] = "_definitions.json#" + ref[len(shared):]
        for value in node.values():
            relink(value)
    elif isinstance(node, list):
        for value in node:
            relink(value)

os.makedirs(target)
wheel = zipfile.ZipFile(glob.glob(os.path.join(tmp, "*.whl"))[0])
count = 0
for name in wheel.namelist():
    if not name.startswith(prefix) or not name.endswith(".json"):
        continue
    schema = json.loads(wheel.read(name))
    relink(schema)
    with open(os.path.join(target, name[len(prefix):]), "w") as out:
        json.dump(schema, out)
    count += 1
if count == 0:
    sys.exit(f"no schemas under {prefix} in the wheel")
print(f"setup/helm: wrote {count} schemas to {target}")
PY
  echo "$want" >"$stamp"
}

# Stamp what helm's release build stamps: its full version, and the Kubernetes version of its
# client-go (1.37 for helm v3.22) that `helm template` and `helm lint` assume by default.
# `go install` alone would leave v3.22 and Kubernetes 1.20.
HELM_KUBE="-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$HELM_KUBE_MINOR"
HELM_LINT_KUBE="-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$HELM_KUBE_MINOR"
go_tool helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION" \
  "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION $HELM_KUBE $HELM_LINT_KUBE"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
install_schemas
echo "setup/helm: ready ($("$BIN/helm" version --short), kubeconform $KUBECONFORM_VERSION, Kubernetes $KUBE_VERSION schemas)"
