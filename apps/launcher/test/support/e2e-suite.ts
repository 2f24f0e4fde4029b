import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { eventually, freePort } from '@tidemark/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseLauncherConfig } from '../../src/launcher-config';
import { startTidemark, type RunningTidemark } from '../../src/start-tidemark';
import { firstResults, graphql, TRADE_FIELDS, wsClient } from './graphql';

interface Trade {
  id: string;
  chainId: number;
  blockNumber: number;
  trader: string;
  amountIn: string;
}

export interface Stack {
  running: RunningTidemark;
  dataDir: string;
  env: Record<string, string | undefined>;
}

/** Starts the whole product (devnets, indexer, gateway, optionally the web app) for a suite. */
export function useStack(
  extraEnv: () => Promise<Record<string, string>>,
  options: { web: boolean },
) {
  const stack = {} as Stack;
  beforeAll(async () => {
    stack.dataDir = mkdtempSync(join(tmpdir(), 'tidemark-e2e-'));
    stack.env = {
      ...process.env,
      TIDEMARK_DATA_DIR: stack.dataDir,
      DEVNET_PORT_A: String(await freePort()),
      DEVNET_PORT_B: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
      WEB_PORT: String(await freePort()),
      TIDEMARK_CHAINS: '',
      ...(await extraEnv()),
    };
    const logger = pino(
      { level: 'info', base: { service: 'e2e' } },
      pino.destination({ dest: join(stack.dataDir, 'e2e.jsonl'), sync: true }),
    );
    stack.running = await startTidemark(parseLauncherConfig(stack.env), {
      logger,
      env: stack.env,
      web: options.web,
    });
  }, 240_000);
  afterAll(async () => {
    await stack.running?.stop();
    rmSync(stack.dataDir, { recursive: true, force: true });
  }, 60_000);
  return stack;
}

/** The end-to-end behaviour both modes must show. */
export function endToEndCases(stack: Stack) {
  it('indexes trades from both devnet chains and serves them through GraphQL', async () => {
    const url = stack.running.urls.gateway;
    for (const chainId of [31337, 31338]) {
      const found = await eventually(
        `a trade of chain ${chainId}`,
        async () => {
          const data = await graphql<{ trades: { edges: { node: Trade }[] } }>(
            url,
            `query($c: Int) { trades(filter: { chainId: $c }, first: 5) { edges { node { ${TRADE_FIELDS} } } } }`,
            { c: chainId },
          );
          return data.trades.edges.length > 0 ? data.trades.edges : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(found.every((e) => e.node.chainId === chainId && /^\d+$/.test(e.node.amountIn))).toBe(
        true,
      );
    }
    const chains = await graphql<{
      chains: {
        id: number;
        head: number | null;
        indexedBlock: number | null;
        lag: number | null;
      }[];
    }>(url, '{ chains { id name head indexedBlock lag } }');
    expect(chains.chains.map((c) => c.id).sort()).toEqual([31337, 31338]);
    for (const c of chains.chains) {
      expect(c.indexedBlock).toBeGreaterThan(0);
      expect(c.lag).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);

  it('pushes new trades to subscribers as they are indexed', async () => {
    const client = wsClient(stack.running.urls.gatewayWs);
    try {
      const [pushed] = await firstResults<{ tradeExecuted: Trade }>(
        client,
        `subscription($f: TradeFilter) { tradeExecuted(filter: $f) { ${TRADE_FIELDS} } }`,
        1,
        { f: { chainId: 31338 } },
      );
      expect(pushed?.tradeExecuted.chainId).toBe(31338);
      const id = pushed!.tradeExecuted.id;
      // The push comes from the bus; the sink stores the same event on its own consumer, so
      // in server mode the trade may become queryable a moment after it was pushed.
      const storedIds = await eventually(
        'the pushed trade to be queryable',
        async () => {
          const stored = await graphql<{ trades: { edges: { node: Trade }[] } }>(
            stack.running.urls.gateway,
            `
              query ($t: Address) {
                trades(filter: { trader: $t, chainId: 31338 }, first: 100) {
                  edges {
                    node {
                      id
                    }
                  }
                }
              }
            `,
            { t: pushed!.tradeExecuted.trader },
          );
          const ids = stored.trades.edges.map((e) => e.node.id);
          return ids.includes(id) ? ids : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(storedIds).toContain(id);
    } finally {
      await client.dispose();
    }
  }, 60_000);
}
