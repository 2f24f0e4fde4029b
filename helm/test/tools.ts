import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const chartDir = join(repoRoot, 'helm/tidemark');
const binDir = join(repoRoot, '.cache/bin');

/** Kubernetes version whose schemas scripts/setup/helm.sh unpacks; helm renders for the same. */
const kubeVersion = '1.34.0';
const schemaDir = join(repoRoot, `.cache/k8s-schemas/v${kubeVersion}-strict`);
const argoSchemaDir = join(repoRoot, 'k8s/schemas');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Fails loudly, with the fix, when the tooling has not been installed on this machine. */
export function requireTools(): void {
  const missing = [
    join(binDir, 'helm'),
    join(binDir, 'kubeconform'),
    join(schemaDir, '_definitions.json'),
  ].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(', ')}. Install the chart tooling with: bash scripts/setup/helm.sh`,
    );
  }
}

export function run(tool: 'helm' | 'kubeconform', args: string[], input?: string): RunResult {
  const result = spawnSync(join(binDir, tool), args, {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `helm template` with the given values files and --set flags; throws with helm's message. */
export function renderChart(valueFiles: string[] = [], sets: string[] = []): string {
  const result = tryRenderChart(valueFiles, sets);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return result.stdout;
}

export function tryRenderChart(valueFiles: string[] = [], sets: string[] = []): RunResult {
  const args = [
    'template',
    'tidemark',
    chartDir,
    '--namespace',
    'tidemark',
    '--kube-version',
    kubeVersion,
  ];
  for (const file of valueFiles) args.push('--values', resolve(repoRoot, file));
  for (const set of sets) args.push('--set', set);
  return run('helm', args);
}

/** Strict kubeconform over manifests on stdin, against the offline schemas only. */
export function validateManifests(manifests: string): RunResult {
  return run(
    'kubeconform',
    [
      '-strict',
      '-summary',
      '-schema-location',
      join(schemaDir, '{{.ResourceKind}}{{.KindSuffix}}.json'),
      '-schema-location',
      join(argoSchemaDir, '{{.ResourceKind}}{{.KindSuffix}}.json'),
      '-',
    ],
    manifests,
  );
}

/** Writes a values file into a fresh temporary directory and returns its path. */
export function writeValues(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tidemark-values-')), 'values.yaml');
  writeFileSync(file, content);
  return file;
}
