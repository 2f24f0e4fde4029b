/**
 * Latency of the analytics store's read queries over a synthetic history (default 10,000,000
 * priced trades), on chDB, one query at a time: a local check that the tables' sort keys and
 * rollups keep the read paths small. Not a test and not part of CI.
 *
 *   node --import tsx bench/query/src/measure-store.ts [--trades 10000000] [--data-dir DIR] [--skip-load]
 */
import type { AnalyticsKeys, AnalyticsOlapStore } from '@tidemark/domain';
import { createAnalyticsOlapStore } from '@tidemark/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { poolAddress, tradesOfHour, walletAddress, type TradeShape } from './synthetic-trades';

const { values: args } = parseArgs({
  options: {
    trades: { type: 'string', default: '10000000' },
    wallets: { type: 'string', default: '50000' },
    pools: { type: 'string', default: '500' },
    days: { type: 'string', default: '60' },
    'hours-per-batch': { type: 'string', default: '6' },
    runs: { type: 'string', default: '100' },
    'data-dir': { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
  },
});

const shape: TradeShape = {
  trades: Number(args.trades),
  wallets: Number(args.wallets),
  pools: Number(args.pools),
  days: Number(args.days),
  start: 1_700_006_400 - (1_700_006_400 % 86_400),
};
const now = shape.start + shape.days * 86_400 - 1_800;

/** Loads the history hour batch by hour batch through the store's own write path. */
async function load(store: AnalyticsOlapStore): Promise<void> {
  const step = Number(args['hours-per-batch']);
  const hours = shape.days * 24;
  const started = performance.now();
  for (let h = 0; h < hours; h += step) {
    const trades = Array.from({ length: Math.min(step, hours - h) }, (_, i) =>
      tradesOfHour(shape, h + i),
    ).flat();
    const keys: AnalyticsKeys = await store.insertPricedTrades(trades);
    await store.recomputeCandles(keys.candles);
    await store.recomputeWalletActivity(keys.wallets);
    if ((h / step) % 20 === 0) {
      const secs = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`loaded hour ${h + step}/${hours} after ${secs} s`);
    }
  }
  console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm caches and the first plan
  const samples: number[] = [];
  for (let i = 0; i < Number(args.runs); i += 1) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  console.log(`${name.padEnd(44)} p50 ${at(0.5)?.toFixed(1)} ms  p99 ${at(0.99)?.toFixed(1)} ms`);
}

/** Times one call, once (for the write path, which changes what it runs on). */
async function once(name: string, run: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await run();
  console.log(`${name.padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms`);
}

/** Per-block writes on top of the history, with the leaderboard snapshots in place. */
async function measureWrites(store: AnalyticsOlapStore): Promise<void> {
  const extra = tradesOfHour(shape, shape.days * 24);
  for (const size of [200, 2_000]) {
    const block = extra.splice(0, size);
    let keys: AnalyticsKeys = { candles: [], wallets: [] };
    await once(`write ${size} trades: insert`, async () => {
      keys = await store.insertPricedTrades(block);
    });
    await once(`write ${size} trades: recomputeCandles`, () =>
      store.recomputeCandles(keys.candles),
    );
    await once(`write ${size} trades: recomputeWalletActivity`, () =>
      store.recomputeWalletActivity(keys.wallets),
    );
    const hashes = [...new Set(block.map((t) => `${t.chainId}:${t.blockHash}`))].slice(-3);
    const chain1 = hashes.filter((h) => h.startsWith('1:')).map((h) => h.slice(2));
    await once(`retract ${chain1.length} blocks`, () => store.retractBlocks(1, chain1));
  }
}

async function measureLeaderboards(store: AnalyticsOlapStore): Promise<void> {
  for (const window of ['24h', '7d', '30d', 'all'] as const) {
    for (const chainId of [undefined, 1]) {
      await time(`leaderboard volume ${window} chain ${chainId ?? 'all'}`, () =>
        store.leaderboard({ metric: 'volume', window, chainId, now, first: 50 }),
      );
    }
    await time(`leaderboard winRate ${window}`, () =>
      store.leaderboard({ metric: 'winRate', window, now, first: 50, after: 50 }),
    );
  }
  // An hour without a snapshot: the window is summed per request.
  for (const window of ['24h', '7d', '30d'] as const) {
    await time(`leaderboard volume ${window} summed`, () =>
      store.leaderboard({ metric: 'volume', window, now: now - 3_600, first: 50 }),
    );
  }
}

async function measure(store: AnalyticsOlapStore): Promise<void> {
  const pool = poolAddress(1, 0);
  const wallet = walletAddress(0);
  await once('refreshLeaderboards', () => store.refreshLeaderboards(now));
  await measureLeaderboards(store);
  for (const interval of ['1m', '1h', '1d'] as const) {
    await time(`candles ${interval} x500 (busiest pool)`, () =>
      store.candles({ chainId: 1, pool, interval, from: now - 500 * 86_400, to: now, limit: 500 }),
    );
  }
  await time('candles 1m last 6h (busiest pool)', () =>
    store.candles({ chainId: 1, pool, interval: '1m', from: now - 6 * 3_600, to: now, limit: 500 }),
  );
  for (const window of ['24h', '7d', '30d', 'all'] as const) {
    await time(`walletActivity ${window} (busiest wallet)`, () =>
      store.walletActivity({ wallet, window, now }),
    );
  }
  await time('pnlHistory 1d over all days', () =>
    store.pnlHistory({ wallet, from: shape.start, to: now, bucket: '1d' }),
  );
  await time('pnlHistory 1h over 7 days', () =>
    store.pnlHistory({ wallet, from: now - 7 * 86_400, to: now, bucket: '1h' }),
  );
  await time('poolStats (busiest pool)', () => store.poolStats(1, pool, now));
  await time('listPoolStats first 20', () => store.listPoolStats({ now, first: 20 }));
  await measureWrites(store);
}

const dataDir = args['data-dir'] ?? (await mkdtemp(join(tmpdir(), 'tidemark-query-bench-')));
console.log(`data dir ${dataDir}; ${JSON.stringify(shape)}`);
const store = await createAnalyticsOlapStore({ dataDir });
try {
  if (!args['skip-load']) await load(store);
  await measure(store);
} finally {
  await store.close();
}
