import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chartDir, repoRoot, requireTools, validateManifests } from './tools';

const environments = ['staging', 'production'] as const;

// Argo CD's CRD is not on a package registry: kubeconform checks these against
// k8s/schemas/application-argoproj-v1alpha1.json, and the fields we rely on are checked here.
const application = z.object({
  apiVersion: z.literal('argoproj.io/v1alpha1'),
  kind: z.literal('Application'),
  spec: z.object({
    source: z.object({
      path: z.string(),
      helm: z.object({ valueFiles: z.array(z.string()).min(1) }),
    }),
    destination: z.object({ namespace: z.string() }),
    syncPolicy: z.object({ automated: z.object({ prune: z.boolean(), selfHeal: z.boolean() }) }),
  }),
});

const applicationFile = (env: string): string =>
  join(repoRoot, 'k8s/environments', env, 'application.yaml');

beforeAll(() => {
  requireTools();
});

describe('Argo CD Applications', () => {
  it.each(environments)('%s validates strictly against the Application schema', (env) => {
    const result = validateManifests(readFileSync(applicationFile(env), 'utf8'));
    expect(result.stdout + result.stderr).toMatch(/Valid: 1, Invalid: 0, Errors: 0, Skipped: 0/);
    expect(result.status).toBe(0);
  });

  it.each(environments)(
    '%s deploys helm/tidemark with its own values and automated sync',
    (env) => {
      const app = application.parse(load(readFileSync(applicationFile(env), 'utf8')));
      expect(app.spec.source.path).toBe('helm/tidemark');
      // Argo CD resolves value files against the chart directory.
      const valueFiles = app.spec.source.helm.valueFiles.map((file) => resolve(chartDir, file));
      expect(valueFiles).toEqual([join(repoRoot, 'k8s/environments', env, 'values.yaml')]);
      expect(valueFiles.every((file) => existsSync(file))).toBe(true);
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.destination.namespace).toBe(`tidemark-${env}`);
    },
  );

  it('rejects an Application with a misspelt field', () => {
    const text = readFileSync(applicationFile('staging'), 'utf8').replace('selfHeal:', 'selfheal:');
    const result = validateManifests(text);
    expect(result.stdout).toContain("additional properties 'selfheal' not allowed");
    expect(result.status).not.toBe(0);
  });
});
