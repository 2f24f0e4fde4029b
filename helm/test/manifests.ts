import { loadAll } from 'js-yaml';
import { z } from 'zod';

// The slices of Kubernetes objects the assertions read; everything else passes through.
const envVar = z.object({
  name: z.string(),
  value: z.string().optional(),
  valueFrom: z
    .object({
      configMapKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
      secretKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
    })
    .optional(),
});

const httpProbe = z.object({
  httpGet: z.object({ path: z.string(), port: z.union([z.string(), z.number()]) }),
});

const container = z.object({
  name: z.string(),
  image: z.string(),
  env: z.array(envVar).default([]),
  livenessProbe: z.unknown().optional(),
  readinessProbe: z.unknown().optional(),
  securityContext: z.object({ readOnlyRootFilesystem: z.boolean().optional() }).passthrough(),
});

const deploymentSchema = z.object({
  kind: z.literal('Deployment'),
  metadata: z.object({ name: z.string(), labels: z.record(z.string(), z.string()) }),
  spec: z.object({
    replicas: z.number(),
    strategy: z.object({ type: z.string() }).optional(),
    template: z.object({
      spec: z.object({
        securityContext: z.object({ runAsNonRoot: z.boolean().optional() }).passthrough(),
        containers: z.array(container).length(1),
      }),
    }),
  }),
});

export type Deployment = z.infer<typeof deploymentSchema>;
export type EnvVar = z.infer<typeof envVar>;
export { httpProbe };

const manifestSchema = z
  .object({
    apiVersion: z.string(),
    kind: z.string(),
    metadata: z.object({ name: z.string() }).passthrough(),
  })
  .passthrough();

export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifests(yaml: string): Manifest[] {
  return loadAll(yaml)
    .filter((doc) => doc !== null && doc !== undefined)
    .map((doc) => manifestSchema.parse(doc));
}

export function ofKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

/** The Deployment whose app.kubernetes.io/component label is `component`. */
export function deploymentFor(manifests: Manifest[], component: string): Deployment {
  const found = ofKind(manifests, 'Deployment')
    .map((m) => deploymentSchema.parse(m))
    .filter((d) => d.metadata.labels['app.kubernetes.io/component'] === component);
  if (found.length !== 1)
    throw new Error(`expected one ${component} Deployment, found ${found.length}`);
  return found[0]!;
}

export function envOf(deployment: Deployment): Map<string, EnvVar> {
  const container = deployment.spec.template.spec.containers[0]!;
  return new Map(container.env.map((e) => [e.name, e]));
}
