import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainConfig, parseIndexerConfig } from '@tidemark/indexer';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deploymentFor, envOf, ofKind, parseManifests } from './manifests';
import { chartDir, renderChart, requireTools, tryRenderChart, writeValues } from './tools';

// One chain using every field the indexer reads, and one with only the required ones.
const chainsYaml = `chains:
  - id: 1
    name: ethereum
    rpcUrls: [https://rpc-a.example/KEY, https://rpc-b.example]
    wsUrl: wss://rpc-a.example/KEY
    maxConcurrency: 8
    requestTimeoutMs: 5000
    startBlock: 19000000
    pollIntervalMs: 250
    maxBlockRange: 1000
    bloomCheckDepth: 256
    reorgWindow: 128
    confirmations: 32
    mode: factory
    factories:
      - address: "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"
        protocol: uniswap-v2
        fromBlock: 10000835
    multicall3: "0xcA11bde05977b3631167028862bE2a173976CA11"
    pricing:
      stablecoins: ["0xA0b86991c6218b36c1d19d4a2e9eb0ce3606eB48"]
      wrappedNative: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"
      minLiquidityUsd: "50000"
  - id: 8453
    name: base
    rpcUrl: http://base-node.chains.svc:8545
`;

const schemaNode = z.object({
  $ref: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  items: z.unknown().optional(),
});

/** Dotted paths of the leaf fields of a JSON schema (`[]` for array items), $refs resolved. */
function fieldPaths(node: unknown, defs: Record<string, unknown>, path = ''): string[] {
  const parsed = schemaNode.parse(node);
  if (parsed.$ref) return fieldPaths(defs[parsed.$ref.replace('#/definitions/', '')], defs, path);
  if (parsed.items) return fieldPaths(parsed.items, defs, `${path}[]`);
  const fields = Object.entries(parsed.properties ?? {});
  if (fields.length === 0) return [path];
  return fields.flatMap(([key, child]) => fieldPaths(child, defs, path ? `${path}.${key}` : key));
}

beforeAll(() => {
  requireTools();
});

describe('chains', () => {
  it('render every field, pricing included, into TIDEMARK_CHAINS as the indexer accepts it', () => {
    const all = parseManifests(
      renderChart([writeValues(chainsYaml)], ['indexer.analytics.pnlMethod=fifo']),
    );
    const data = ofKind(all, 'ConfigMap')[0]!.data as Record<string, string>;
    const given = z.object({ chains: z.array(z.unknown()) }).parse(load(chainsYaml)).chains;
    expect(JSON.parse(data.TIDEMARK_CHAINS!)).toEqual(given);

    const env = envOf(deploymentFor(all, 'analytics'));
    const config = parseIndexerConfig({
      TIDEMARK_CHAINS: data.TIDEMARK_CHAINS,
      TIDEMARK_ROLES: env.get('TIDEMARK_ROLES')?.value,
      TIDEMARK_PNL_METHOD: env.get('TIDEMARK_PNL_METHOD')?.value,
    });
    expect(config.roles).toEqual(['analytics']);
    expect(config.costMethod).toBe('fifo');
    expect(config.chains.map((c) => [c.id, c.pricing])).toEqual([
      [
        1,
        {
          stablecoins: ['0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
          wrappedNative: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
          minLiquidityUsd: '50000',
        },
      ],
      [8453, undefined],
    ]);
    expect(config.chains[0]).toMatchObject({ mode: 'factory', reorgWindow: 128 });
  });

  it("accept exactly the fields of the indexer's ChainConfig", () => {
    const { definitions } = z
      .object({ definitions: z.record(z.string(), z.unknown()) })
      .parse(JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')));
    const chart = fieldPaths(definitions.chain, definitions).sort();
    const indexer = fieldPaths(z.toJSONSchema(ChainConfig, { io: 'input' }), {}).sort();
    expect(chart).toContain('pricing.stablecoins[]');
    expect(chart).toContain('factories[].protocol');
    expect(chart).toEqual(indexer);
  });

  const chain = (fields: string): string =>
    `chains:\n  - id: 1\n    name: ethereum\n${fields.replace(/^/gm, '    ')}\n`;
  const pricing = (fields: string): string =>
    chain(`rpcUrl: https://rpc.example\npricing:\n${fields.replace(/^/gm, '  ')}`);
  const address = '"0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"';

  it.each([
    ['no RPC URL', chain('startBlock: 1'), "missing property 'rpcUrls'"],
    ['an empty rpcUrls', chain('rpcUrls: []'), 'minItems: got 0, want 1'],
    [
      'a wsUrl that is not ws(s)',
      chain('rpcUrl: https://a.example\nwsUrl: https://a.example'),
      '/wsUrl',
    ],
    ['a misspelt field', chain('rpcUrl: https://a.example\nrpcurls: []'), "'rpcurls' not allowed"],
    [
      'a reorgWindow above 10000',
      chain('rpcUrl: https://a.example\nreorgWindow: 20000'),
      '/reorgWindow',
    ],
    [
      'factory mode without factories',
      chain('rpcUrl: https://a.example\nmode: factory'),
      "missing property 'factories'",
    ],
    [
      'pricing without wrappedNative',
      pricing(`stablecoins: [${address}]`),
      "missing property 'wrappedNative'",
    ],
    [
      'pricing with no stablecoin',
      pricing(`stablecoins: []\nwrappedNative: ${address}`),
      '/pricing/stablecoins',
    ],
    [
      'a stablecoin that is no address',
      pricing(`stablecoins: ["0xA0b8"]\nwrappedNative: ${address}`),
      '/pricing/stablecoins/0',
    ],
    [
      'minLiquidityUsd as a number',
      pricing(`stablecoins: [${address}]\nwrappedNative: ${address}\nminLiquidityUsd: 10000`),
      'got number, want string',
    ],
    [
      'an unknown pricing field',
      pricing(`stablecoins: [${address}]\nwrappedNative: ${address}\nfloor: "1"`),
      "'floor' not allowed",
    ],
  ])('reject %s', (_case, values, message) => {
    const result = tryRenderChart([writeValues(values)]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(message);
  });
});
