import { parseGatewayConfig } from '@tidemark/gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentFor, envOf, ofKind, parseManifests, type EnvVar } from './manifests';
import { renderChart, requireTools, tryRenderChart, validateManifests, writeValues } from './tools';

// Smart-contract wallet sign-ins, live-push write threads and the sign-in domain the web app
// shares with the gateway.

const rpcSecret = 'gateway.auth.siweRpcUrls.existingSecret=tidemark-siwe-rpc';
// What an operator might paste as a plain value: it must never reach a manifest or an error.
const rpcUrls = '1=https://eth.rpc.example/SECRET-KEY,8453=https://base.rpc.example/SECRET-KEY';

function envFor(component: string, sets: string[] = [], files: string[] = []): Map<string, EnvVar> {
  return envOf(deploymentFor(parseManifests(renderChart(files, sets)), component));
}

/** The gateway's settings that the chart gives as literal values (not Secret or ConfigMap refs). */
function literalEnv(env: Map<string, EnvVar>): Record<string, string | undefined> {
  return Object.fromEntries([...env].map(([name, e]) => [name, e.value]));
}

function expectRejected(values: string, message: string): string {
  const result = tryRenderChart([writeValues(values)]);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain("values don't meet the specifications of the schema");
  expect(result.stderr).toContain(message);
  return result.stderr;
}

beforeAll(() => {
  requireTools();
});

describe('gateway.writeThreads', () => {
  it("leaves GATEWAY_WRITE_THREADS unset by default (the gateway's own default)", () => {
    expect(envFor('gateway').has('GATEWAY_WRITE_THREADS')).toBe(false);
  });

  it.each([
    ['0', 'gateway:\n  writeThreads: 0\n'],
    ['1', 'gateway:\n  writeThreads: 1\n'],
    ['64', 'gateway:\n  writeThreads: 64\n'],
  ])('passes %s as a whole number the gateway accepts', (expected, values) => {
    const env = envFor('gateway', [], [writeValues(values)]);
    expect(env.get('GATEWAY_WRITE_THREADS')?.value).toBe(expected);
    expect(parseGatewayConfig(literalEnv(env)).writeThreads).toBe(Number(expected));
  });

  it('sets it on the gateway only', () => {
    const all = parseManifests(renderChart([], ['gateway.writeThreads=1']));
    for (const component of ['ingest', 'sink', 'analytics', 'web']) {
      expect(envOf(deploymentFor(all, component)).has('GATEWAY_WRITE_THREADS')).toBe(false);
    }
  });

  it.each([
    ['above 64', 'writeThreads: 65', "at '/gateway/writeThreads': maximum: got 65, want 64"],
    ['negative', 'writeThreads: -1', "at '/gateway/writeThreads': minimum: got -1, want 0"],
    [
      'fractional',
      'writeThreads: 1.5',
      "at '/gateway/writeThreads': got number, want null or integer",
    ],
    [
      'a word',
      'writeThreads: auto',
      "at '/gateway/writeThreads': got string, want null or integer",
    ],
  ])('rejects a value %s', (_case, value, message) => {
    expectRejected(`gateway:\n  ${value}\n`, message);
  });

  it('bounds it as the gateway does: 64 threads at most', () => {
    expect(() => parseGatewayConfig({ GATEWAY_WRITE_THREADS: '65' })).toThrow(
      /GATEWAY_WRITE_THREADS/,
    );
  });
});

describe('gateway.auth.siweRpcUrls', () => {
  it('leaves GATEWAY_SIWE_RPC_URLS unset without a Secret (accounts only)', () => {
    const all = parseManifests(renderChart());
    for (const component of ['gateway', 'ingest', 'sink', 'analytics', 'web']) {
      expect(envOf(deploymentFor(all, component)).has('GATEWAY_SIWE_RPC_URLS')).toBe(false);
    }
  });

  it('reads the RPC URLs from the named Secret, under the given key, for the gateway only', () => {
    const all = parseManifests(renderChart([], [rpcSecret]));
    const entry = envOf(deploymentFor(all, 'gateway')).get('GATEWAY_SIWE_RPC_URLS');
    expect(entry?.value).toBeUndefined();
    expect(entry?.valueFrom).toEqual({
      secretKeyRef: { name: 'tidemark-siwe-rpc', key: 'GATEWAY_SIWE_RPC_URLS' },
    });
    for (const component of ['ingest', 'sink', 'analytics', 'web']) {
      expect(envOf(deploymentFor(all, component)).has('GATEWAY_SIWE_RPC_URLS')).toBe(false);
    }
    // The chart creates no Secret of its own for them: the quick-start one holds the stores only.
    const stores = ofKind(all, 'Secret').map((s) => Object.keys(s.stringData as object));
    expect(stores).toEqual([['DATABASE_URL', 'CLICKHOUSE_URL']]);

    const otherKey = envFor('gateway', [
      rpcSecret,
      'gateway.auth.siweRpcUrls.existingSecretKey=urls',
    ]);
    expect(otherKey.get('GATEWAY_SIWE_RPC_URLS')?.valueFrom?.secretKeyRef).toEqual({
      name: 'tidemark-siwe-rpc',
      key: 'urls',
    });
  });

  it.each([
    [
      'as a plain string',
      `siweRpcUrls: "${rpcUrls}"`,
      "at '/gateway/auth/siweRpcUrls': got string, want object",
    ],
    [
      'as a url next to the Secret',
      `siweRpcUrls:\n      existingSecret: ""\n      url: "${rpcUrls}"`,
      "at '/gateway/auth/siweRpcUrls': additional properties 'url' not allowed",
    ],
  ])('rejects the URLs given %s, without echoing them', (_case, value, message) => {
    const stderr = expectRejected(`gateway:\n  auth:\n    ${value}\n`, message);
    expect(stderr).not.toContain('SECRET-KEY');
  });

  it('rejects an empty key and a Secret name Kubernetes would refuse', () => {
    expectRejected(
      'gateway:\n  auth:\n    siweRpcUrls:\n      existingSecret: rpc\n      existingSecretKey: ""\n',
      "at '/gateway/auth/siweRpcUrls/existingSecretKey'",
    );
    expectRejected(
      'gateway:\n  auth:\n    siweRpcUrls:\n      existingSecret: Siwe_RPC\n',
      "at '/gateway/auth/siweRpcUrls/existingSecret'",
    );
  });
});

describe('gateway.auth.siweDomain', () => {
  it('gives the web pods the same domain as TIDEMARK_SIWE_DOMAIN, and neither by default', () => {
    expect(envFor('web').has('TIDEMARK_SIWE_DOMAIN')).toBe(false);
    const all = parseManifests(renderChart([], ['gateway.auth.siweDomain=app.example.org:8443']));
    const gateway = envOf(deploymentFor(all, 'gateway'));
    expect(gateway.get('GATEWAY_SIWE_DOMAIN')?.value).toBe('app.example.org:8443');
    expect(envOf(deploymentFor(all, 'web')).get('TIDEMARK_SIWE_DOMAIN')?.value).toBe(
      'app.example.org:8443',
    );
    expect(parseGatewayConfig(literalEnv(gateway)).identity.siweDomain).toBe(
      'app.example.org:8443',
    );
    for (const component of ['ingest', 'sink', 'analytics']) {
      expect(envOf(deploymentFor(all, component)).has('TIDEMARK_SIWE_DOMAIN')).toBe(false);
    }
  });
});

describe('rendered with every new setting', () => {
  it('validates strictly against the Kubernetes schemas', () => {
    const sets = [rpcSecret, 'gateway.writeThreads=1', 'gateway.auth.siweDomain=app.example.org'];
    const result = validateManifests(renderChart([], sets));
    expect(result.stdout + result.stderr).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
    expect(result.status).toBe(0);
  });
});
