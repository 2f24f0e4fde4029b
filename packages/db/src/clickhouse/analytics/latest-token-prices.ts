import type { ClickHouseClient } from '@clickhouse/client';
import type { TokenPriceRecord } from '@tidemark/domain';
import { pointRead, select } from './sql';
import * as v from './values';

/**
 * The latest price of several tokens in one query: each token's newest block (read without
 * FINAL), then FINAL settles those blocks' rows; the lowest block hash wins a tie, as in
 * tokenPrice.
 */
const latestSql = `SELECT chain_id, token, block_number, block_hash,
  toUnixTimestamp(timestamp) AS unix_time, toString(price_usd) AS price, source
FROM token_prices FINAL
WHERE (chain_id, token, block_number) IN (
  SELECT chain_id, token, max(block_number) FROM token_prices
  WHERE (chain_id, token) IN (SELECT arrayJoin(arrayZip({chains:Array(UInt32)}, {tokens:Array(String)})))
  GROUP BY chain_id, token)
ORDER BY chain_id, token, block_hash
LIMIT 1 BY chain_id, token`;

interface LatestRow {
  chain_id: v.Int;
  token: string;
  block_number: v.Int;
  block_hash: string;
  unix_time: v.Int;
  price: string;
  source: string;
}

interface Waiting {
  chainId: number;
  token: string;
  resolve(record: TokenPriceRecord | null): void;
  reject(error: unknown): void;
}

const keyOf = (chainId: number, token: string) => `${chainId}:${token}`;

async function answer(client: ClickHouseClient, batch: readonly Waiting[]): Promise<void> {
  try {
    const rows = await select<LatestRow>(
      client,
      latestSql,
      { chains: batch.map((w) => w.chainId), tokens: batch.map((w) => w.token) },
      pointRead,
    );
    const found = new Map(rows.map((r) => [keyOf(Number(r.chain_id), r.token), r]));
    for (const w of batch) {
      const row = found.get(keyOf(w.chainId, w.token));
      w.resolve(
        row === undefined
          ? null
          : {
              chainId: w.chainId,
              token: w.token,
              blockNumber: Number(row.block_number),
              blockHash: row.block_hash,
              timestamp: Number(row.unix_time),
              priceUsd: v.decimalOut(row.price),
              source: row.source,
            },
      );
    }
  } catch (error) {
    for (const w of batch) w.reject(error);
  }
}

/**
 * Latest token prices, asked one token at a time, answered in batches: the calls made in one turn
 * of the event loop (a wallet's positions ask for every token it holds at once) share one query
 * instead of one round trip each.
 */
export function latestTokenPrices(
  client: ClickHouseClient,
): (chainId: number, token: string) => Promise<TokenPriceRecord | null> {
  let waiting: Waiting[] = [];
  return (chainId, token) =>
    new Promise((resolve, reject) => {
      const checked = { chainId: v.chainId(chainId), token: v.address(token, 'token') };
      if (waiting.length === 0)
        setImmediate(() => {
          const batch = waiting;
          waiting = [];
          void answer(client, batch);
        });
      waiting.push({ ...checked, resolve, reject });
    });
}
