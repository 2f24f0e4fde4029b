import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deploymentFor,
  envOf,
  httpProbe,
  ofKind,
  parseManifests,
  type Manifest,
} from './manifests';
import {
  chartDir,
  renderChart,
  requireTools,
  run,
  tryRenderChart,
  validateManifests,
  writeValues,
} from './tools';

const environments = ['staging', 'production'] as const;
const components = ['gateway', 'ingest', 'sink', 'analytics', 'web'] as const;
const backendRoles = ['gateway', 'ingest', 'sink', 'analytics'] as const;
const envValues = (env: string): string => `k8s/environments/${env}/values.yaml`;
const ingressSets = [
  'ingress.enabled=true',
  'ingress.className=nginx',
  'ingress.tls[0].secretName=tidemark-tls',
  'ingress.tls[0].hosts[0]=tidemark.example.com',
];

const renders: Record<string, { files: string[]; sets: string[] }> = {
  default: { files: [], sets: [] },
  staging: { files: [envValues('staging')], sets: [] },
  production: { files: [envValues('production')], sets: [] },
  ingress: { files: [], sets: ingressSets },
};

beforeAll(() => {
  requireTools();
});

describe('helm lint', () => {
  it('passes --strict with the defaults and with each environment', () => {
    for (const files of [[], ...environments.map((e) => [envValues(e)])]) {
      const args = ['lint', '--strict', chartDir, ...files.flatMap((f) => ['--values', f])];
      const result = run('helm', args);
      expect(result.stdout + result.stderr, `helm lint ${files.join(' ')}`).toContain(
        '0 chart(s) failed',
      );
      expect(result.status).toBe(0);
    }
  });
});

describe('rendered manifests', () => {
  it.each(Object.keys(renders))('validate strictly against the Kubernetes schemas (%s)', (name) => {
    const { files, sets } = renders[name]!;
    const result = validateManifests(renderChart(files, sets));
    const summary = /Summary: (\d+) resources? found .* Invalid: 0, Errors: 0, Skipped: 0/.exec(
      result.stdout + result.stderr,
    );
    expect(summary, result.stdout + result.stderr).not.toBeNull();
    // ServiceAccount, ConfigMap, two Services and five Deployments at the least.
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(9);
    expect(result.status).toBe(0);
  });

  it('kubeconform rejects a manifest with an unknown field', () => {
    const broken = renderChart().replace(
      'strategy:\n    type: Recreate',
      'strategy:\n    kind: Recreate',
    );
    const result = validateManifests(broken);
    expect(result.stdout).toContain("additional properties 'kind' not allowed");
    expect(result.status).not.toBe(0);
  });
});

describe('workloads', () => {
  const manifests = (): Manifest[] => parseManifests(renderChart());

  it('runs each component as its own Deployment', () => {
    const all = manifests();
    expect(ofKind(all, 'Deployment')).toHaveLength(components.length);
    for (const component of components) {
      expect(deploymentFor(all, component).metadata.name).toBe(`tidemark-${component}`);
    }
    for (const role of ['ingest', 'sink', 'analytics']) {
      expect(envOf(deploymentFor(all, role)).get('TIDEMARK_ROLES')?.value).toBe(role);
    }
  });

  it('keeps ingest and analytics at one replica with Recreate, whatever the sink scales to', () => {
    for (const name of ['default', 'production']) {
      const all = parseManifests(renderChart(renders[name]!.files));
      for (const role of ['ingest', 'analytics']) {
        const deployment = deploymentFor(all, role);
        expect(deployment.spec.replicas, `${name} ${role}`).toBe(1);
        expect(deployment.spec.strategy?.type, `${name} ${role}`).toBe('Recreate');
      }
    }
    const production = parseManifests(renderChart([envValues('production')]));
    expect(deploymentFor(production, 'sink').spec.replicas).toBe(3);
  });

  it('passes the PnL method to analytics only, then the extra environment', () => {
    const pnlMethod = (all: Manifest[]): string | undefined =>
      envOf(deploymentFor(all, 'analytics')).get('TIDEMARK_PNL_METHOD')?.value;
    const defaults = manifests();
    expect(pnlMethod(defaults)).toBe('average');
    for (const component of ['gateway', 'ingest', 'sink', 'web']) {
      expect(envOf(deploymentFor(defaults, component)).has('TIDEMARK_PNL_METHOD')).toBe(false);
    }
    const fifo = parseManifests(
      renderChart(
        [],
        [
          'indexer.analytics.pnlMethod=fifo',
          'indexer.analytics.extraEnv[0].name=NODE_OPTIONS',
          'indexer.analytics.extraEnv[0].value=--max-old-space-size=384',
        ],
      ),
    );
    expect(pnlMethod(fifo)).toBe('fifo');
    const names = deploymentFor(fifo, 'analytics').spec.template.spec.containers[0]!.env.map(
      (e) => e.name,
    );
    expect(names.slice(-2)).toEqual(['TIDEMARK_PNL_METHOD', 'NODE_OPTIONS']);
  });

  it('gives ingest and sink their Node.js options (a large young generation), analytics none', () => {
    const nodeOptions = (all: Manifest[], component: string) =>
      envOf(deploymentFor(all, component)).get('NODE_OPTIONS')?.value;
    const defaults = manifests();
    expect(nodeOptions(defaults, 'ingest')).toBe('--max-semi-space-size=128');
    expect(nodeOptions(defaults, 'sink')).toBe('--max-semi-space-size=128');
    expect(nodeOptions(defaults, 'analytics')).toBeUndefined();
    const changed = parseManifests(
      renderChart([], ['indexer.ingest.nodeOptions=', 'indexer.analytics.nodeOptions=--jitless']),
    );
    expect(nodeOptions(changed, 'ingest')).toBeUndefined();
    expect(nodeOptions(changed, 'analytics')).toBe('--jitless');
  });

  it('probes the gateway on /health (liveness) and /ready (readiness) at its http port', () => {
    const gateway = deploymentFor(manifests(), 'gateway');
    const container = gateway.spec.template.spec.containers[0]!;
    expect(httpProbe.parse(container.livenessProbe).httpGet).toEqual({
      path: '/health',
      port: 'http',
    });
    expect(httpProbe.parse(container.readinessProbe).httpGet).toEqual({
      path: '/ready',
      port: 'http',
    });
    const service = ofKind(manifests(), 'Service').find(
      (s) => s.metadata.name === 'tidemark-gateway',
    );
    expect(service?.spec).toMatchObject({ ports: [{ port: 4000, targetPort: 'http' }] });
  });

  it('runs as non-root with a read-only root filesystem for the backend roles', () => {
    const all = manifests();
    for (const component of components) {
      expect(deploymentFor(all, component).spec.template.spec.securityContext.runAsNonRoot).toBe(
        true,
      );
    }
    for (const component of backendRoles) {
      const container = deploymentFor(all, component).spec.template.spec.containers[0]!;
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    }
  });
});

describe('configuration wiring', () => {
  it('feeds every backend role the chains, the bus and the stores', () => {
    const all = parseManifests(renderChart());
    const config = ofKind(all, 'ConfigMap')[0]!;
    const data = config.data as Record<string, string>;
    expect(JSON.parse(data.TIDEMARK_CHAINS!)).toEqual([
      { id: 1, name: 'ethereum', rpcUrl: 'https://ethereum-rpc.example.com' },
    ]);
    expect(data.KAFKA_BROKERS).toBe('kafka-bootstrap.kafka.svc:9092');
    for (const component of backendRoles) {
      const env = envOf(deploymentFor(all, component));
      for (const key of ['TIDEMARK_CHAINS', 'KAFKA_BROKERS', 'LOG_LEVEL']) {
        expect(env.get(key)?.valueFrom?.configMapKeyRef, `${component} ${key}`).toEqual({
          name: config.metadata.name,
          key,
        });
      }
      expect(env.get('DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
        name: 'tidemark-stores',
        key: 'DATABASE_URL',
      });
      expect(env.get('CLICKHOUSE_URL')?.valueFrom?.secretKeyRef).toEqual({
        name: 'tidemark-stores',
        key: 'CLICKHOUSE_URL',
      });
    }
    const gateway = envOf(deploymentFor(all, 'gateway'));
    expect([gateway.get('GATEWAY_HOST')?.value, gateway.get('GATEWAY_PORT')?.value]).toEqual([
      '0.0.0.0',
      '4000',
    ]);
    // Production API by default; without an Ingress no proxy is trusted.
    expect(
      ['GATEWAY_ENV', 'GATEWAY_TRUST_PROXY', 'GATEWAY_RATE_LIMIT_COST_PER_SECOND', 'GATEWAY_RATE_LIMIT_BURST'].map(
        (key) => gateway.get(key)?.value,
      ),
    ).toEqual(['production', '0', '20000', '200000']);
    const web = envOf(deploymentFor(all, 'web'));
    expect(web.get('TIDEMARK_GATEWAY_URL')?.value).toBe('http://tidemark-gateway:4000/graphql');
    expect(web.get('WEB_PORT')?.value).toBe('3000');
  });

  it('passes the API settings to the gateway as whole numbers', () => {
    const sets = [
      'gateway.environment=development',
      'gateway.trustProxy=2',
      'gateway.rateLimit.costPerSecond=1000000',
      'gateway.rateLimit.burst=10000000',
    ];
    const env = envOf(deploymentFor(parseManifests(renderChart([], sets)), 'gateway'));
    // A YAML number is a float in Helm: 1e+06 would not parse as an integer in the gateway.
    expect(
      ['GATEWAY_ENV', 'GATEWAY_TRUST_PROXY', 'GATEWAY_RATE_LIMIT_COST_PER_SECOND', 'GATEWAY_RATE_LIMIT_BURST'].map(
        (key) => env.get(key)?.value,
      ),
    ).toEqual(['development', '2', '1000000', '10000000']);
  });

  it('leaves the document policy to GATEWAY_ENV (trusted in production) unless set', () => {
    const byDefault = envOf(deploymentFor(parseManifests(renderChart()), 'gateway'));
    expect(byDefault.has('GATEWAY_DOCUMENTS')).toBe(false);
    const sets = ['gateway.documents=any'];
    const env = envOf(deploymentFor(parseManifests(renderChart([], sets)), 'gateway'));
    expect(env.get('GATEWAY_DOCUMENTS')?.value).toBe('any');
  });

  it('passes the sign-in settings, leaving domain and chain ids to the gateway unless set', () => {
    const byDefault = envOf(deploymentFor(parseManifests(renderChart()), 'gateway'));
    expect(byDefault.get('GATEWAY_SESSION_TTL_SECONDS')?.value).toBe('604800');
    expect(byDefault.get('GATEWAY_SESSION_COOKIE')?.value).toBe('tidemark_session');
    expect(byDefault.has('GATEWAY_SIWE_DOMAIN')).toBe(false);
    expect(byDefault.has('GATEWAY_SIWE_CHAIN_IDS')).toBe(false);
    const sets = ['gateway.auth.siweDomain=app.example.org', 'gateway.auth.siweChainIds={1,8453}'];
    const env = envOf(deploymentFor(parseManifests(renderChart([], sets)), 'gateway'));
    expect(env.get('GATEWAY_SIWE_DOMAIN')?.value).toBe('app.example.org');
    expect(env.get('GATEWAY_SIWE_CHAIN_IDS')?.value).toBe('1,8453');
  });

  it('uses existing Secrets instead of creating one when they are named', () => {
    const all = parseManifests(renderChart([envValues('staging')]));
    expect(ofKind(all, 'Secret')).toEqual([]);
    const env = envOf(deploymentFor(all, 'sink'));
    expect(env.get('DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'tidemark-postgresql-app',
      key: 'uri',
    });
    expect(env.get('CLICKHOUSE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'tidemark-clickhouse',
      key: 'url',
    });
  });

  it('routes /graphql to the gateway and / to the web app when ingress is enabled', () => {
    const ingress = ofKind(parseManifests(renderChart([], ingressSets)), 'Ingress')[0];
    const paths = (
      ingress?.spec as {
        rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
      }
    ).rules[0]!.http.paths.map((p) => [p.path, p.backend.service.name]);
    expect(paths).toEqual([
      ['/graphql', 'tidemark-gateway'],
      ['/rest', 'tidemark-gateway'],
      ['/', 'tidemark-web'],
    ]);
    // Behind the chart's own Ingress one proxy appends to X-Forwarded-For.
    const behindIngress = envOf(deploymentFor(parseManifests(renderChart([], ingressSets)), 'gateway'));
    expect(behindIngress.get('GATEWAY_TRUST_PROXY')?.value).toBe('1');
    expect(ofKind(parseManifests(renderChart()), 'Ingress')).toEqual([]);
  });
});

describe('values.schema.json', () => {
  it.each([
    ['gateway.replicas as a string', 'gateway:\n  replicas: "two"\n', '/gateway/replicas'],
    [
      'a replicas setting on ingest',
      'indexer:\n  ingest:\n    replicas: 2\n',
      "'replicas' not allowed",
    ],
    ['a store with neither secret nor url', 'postgresql:\n  url: ""\n', '/postgresql'],
    [
      'a replicas setting on analytics',
      'indexer:\n  analytics:\n    replicas: 2\n',
      "'replicas' not allowed",
    ],
    [
      'a PnL method other than average or fifo',
      'indexer:\n  analytics:\n    pnlMethod: lifo\n',
      "at '/indexer/analytics/pnlMethod': value must be one of 'average', 'fifo'",
    ],
    [
      'a session lifetime under a minute',
      'gateway:\n  auth:\n    sessionTtlSeconds: 10\n',
      '/gateway/auth/sessionTtlSeconds',
    ],
    [
      'a document policy other than any or trusted',
      'gateway:\n  documents: persisted\n',
      "at '/gateway/documents': value must be one of '', 'any', 'trusted'",
    ],
    [
      'a ClickHouse URL that is not HTTP',
      'clickhouse:\n  url: tcp://clickhouse:9000\n',
      '/clickhouse/url',
    ],
  ])('rejects %s', (_case, values, message) => {
    const result = tryRenderChart([writeValues(values)]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(message);
  });
});

describe('chart README', () => {
  it('documents every value', () => {
    const readme = readFileSync(join(chartDir, 'README.md'), 'utf8');
    const missing = valuePaths(load(readFileSync(join(chartDir, 'values.yaml'), 'utf8'))).filter(
      (path) => !readme.includes(`\`${path}\``),
    );
    expect(missing).toEqual([]);
  });
});

/** Dotted paths of the values, stopping at lists and at empty or free-form maps. */
function valuePaths(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [prefix];
  const entries = Object.entries(node);
  if (entries.length === 0 || /(resources|annotations|SecurityContext|Labels)$/.test(prefix))
    return [prefix];
  return entries.flatMap(([key, value]) => valuePaths(value, prefix ? `${prefix}.${key}` : key));
}
