#!/usr/bin/env bash
# Fetches the Apache Kafka broker jars listed in scripts/kafka/pom.xml from Maven Central into
# .cache/kafka/libs, where the test kit starts the broker from. Safe to run again: it does
# nothing while the jars match the pom, and concurrent runs wait for each other.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pom="$root/scripts/kafka/pom.xml"
cache="$root/.cache/kafka"
libs="$cache/libs"
want="$(sha256sum "$pom" | cut -d' ' -f1)"

current() { [[ -f "$libs/.pom.sha256" && "$(cat "$libs/.pom.sha256")" == "$want" ]]; }

# Installs Debian packages as root, or through sudo when that is available.
apt_install() {
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "kafka: please install $* (apt-get install -y $*) and run this again" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

if current; then
  echo "kafka: broker jars are current"
  exit 0
fi

# The broker (Kafka 4) needs Java 17 or newer; Maven resolves the jars.
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || (( $(java_major || true) + 0 < 17 )); then
  apt_install openjdk-17-jre-headless
fi
command -v mvn >/dev/null || apt_install maven

mkdir -p "$cache"
exec 9>"$cache/.setup.lock"
flock 9
if current; then
  echo "kafka: broker jars are current"
  exit 0
fi

staging="$(mktemp -d "$cache/libs.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
echo "kafka: resolving broker jars from Maven Central"
if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$staging" >"$staging.log" 2>&1; then
  cat "$staging.log" >&2
  rm -f "$staging.log"
  exit 1
fi
rm -f "$staging.log"
echo "$want" >"$staging/.pom.sha256"
rm -rf "$libs"
mv "$staging" "$libs"
echo "kafka: $(find "$libs" -name '*.jar' | wc -l) jars in $libs"
