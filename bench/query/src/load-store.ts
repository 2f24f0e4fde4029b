import { join, resolve } from 'node:path';
import { createAnalyticsOlapStore, createOltpStore } from '@tidemark/db';
import { generateTrades } from './generate-trades';
import { seedLedgers } from './seed-ledgers';
import type { TradeShape } from './synthetic-trades';

const DAY = 86_400;

/** What the loader reports on stdout as it goes. */
export type LoadLog = (message: string) => void;

const secs = (since: number) => ((performance.now() - since) / 1000).toFixed(0);

/** The wallets whose ledgers are stored for `wallet { positions totals }`: the busiest ones. */
export const ledgerWallets = (shape: TradeShape) =>
  Array.from({ length: Math.min(200, shape.wallets) }, (_, i) => i);

/**
 * Loads the synthetic history into `dataDir`: trades generated inside chDB, then candles and wallet
 * activity rebuilt by the store's bulk rebuild (the incremental rebuild's statements, scoped by
 * time), the leaderboard snapshots of `now`, and the ledgers of the busiest wallets in the OLTP
 * store (PGlite).
 */
export async function loadStore(dataDir: string, shape: TradeShape, now: number, log: LoadLog) {
  const started = performance.now();
  // Opening the store creates the tables (migrations); the generator then has the engine alone.
  await (await createAnalyticsOlapStore({ dataDir })).close();
  await generateTrades(shape, resolve(join(dataDir, 'chdb')), (done, total) =>
    log(`trades: ${done}/${total} after ${secs(started)} s`),
  );
  const store = await createAnalyticsOlapStore({ dataDir });
  try {
    await store.rebuildDerived(shape.start, shape.start + shape.days * DAY);
    log(`candles and wallet activity after ${secs(started)} s`);
    await store.refreshLeaderboards(now);
    log(`leaderboard snapshots after ${secs(started)} s`);
  } finally {
    await store.close();
  }
  const oltp = await createOltpStore({ dataDir });
  try {
    await seedLedgers(oltp, shape, ledgerWallets(shape));
  } finally {
    await oltp.close();
  }
  log(`loaded in ${secs(started)} s`);
}
