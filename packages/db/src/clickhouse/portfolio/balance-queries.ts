import type { ClickHouseClient } from '@clickhouse/client';
import {
  balancesAtBucketEnds,
  type BalanceCursor,
  type BalanceHistoryQuery,
  type BalancePoint,
  type TokenBalance,
} from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { select } from '../analytics/sql';
import * as v from '../analytics/values';

interface BalanceRow {
  chain_id: v.Int;
  wallet: string;
  token: string;
  balance: string;
  last_block: v.Int;
}

// FINAL folds a redelivered row into its first copy before the sum.
const SUMS = `SELECT chain_id, wallet, token, toString(sum(delta)) AS balance,
  max(block_number) AS last_block
FROM balance_deltas FINAL`;

const toBalance = (r: BalanceRow): TokenBalance => ({
  chainId: Number(r.chain_id),
  wallet: r.wallet,
  token: r.token,
  balance: r.balance,
  lastBlock: Number(r.last_block),
});

export async function balances(
  client: ClickHouseClient,
  wallet: string,
  chainId?: number,
): Promise<TokenBalance[]> {
  const chain = chainId === undefined ? '' : 'AND chain_id = {chainId:UInt32}';
  const rows = await select<BalanceRow>(
    client,
    `${SUMS} WHERE wallet = {wallet:String} ${chain}
     GROUP BY chain_id, wallet, token ORDER BY chain_id, token`,
    {
      wallet: v.address(wallet, 'wallet'),
      ...(chainId === undefined ? {} : { chainId: v.chainId(chainId) }),
    },
  );
  return rows.map(toBalance);
}

export async function chainBalances(
  client: ClickHouseClient,
  chainId: number,
  limit: number,
  after?: BalanceCursor,
): Promise<TokenBalance[]> {
  const rows = await select<BalanceRow>(
    client,
    `${SUMS} WHERE chain_id = {chainId:UInt32}
       AND (wallet, token) > ({afterWallet:String}, {afterToken:String})
     GROUP BY chain_id, wallet, token ORDER BY wallet, token LIMIT {limit:UInt32}`,
    {
      chainId: v.chainId(chainId),
      limit: v.integer(limit, 'limit', 1, 10_000),
      afterWallet: after ? v.address(after.wallet, 'after.wallet') : '',
      afterToken: after ? v.address(after.token, 'after.token') : '',
    },
  );
  return rows.map(toBalance);
}

const BUCKETS = { '1h': 'toStartOfHour(timestamp)', '1d': 'toStartOfDay(timestamp)' } as const;

/** `opening` = 1 sums every delta before `from`: the balance the first bucket starts from. */
export async function balanceHistory(
  client: ClickHouseClient,
  query: BalanceHistoryQuery,
): Promise<BalancePoint[]> {
  const bucket = BUCKETS[query.interval];
  if (!bucket) throw new StoreInputError(`interval: expected 1h or 1d, got "${query.interval}"`);
  const from = v.unixTime(query.from, 'from');
  const to = v.unixTime(query.to, 'to');
  if (from > to) throw new StoreInputError(`from (${from}) is after to (${to})`);
  const rows = await select<{ opening: v.Int; bucket: v.Int; delta: string }>(
    client,
    `SELECT timestamp < toDateTime({from:UInt32}, 'UTC') AS opening,
       if(opening, 0, toUnixTimestamp(${bucket})) AS bucket, toString(sum(delta)) AS delta
     FROM balance_deltas FINAL
     WHERE wallet = {wallet:String} AND chain_id = {chainId:UInt32} AND token = {token:String}
       AND timestamp < toDateTime({to:UInt32}, 'UTC')
     GROUP BY opening, bucket ORDER BY opening DESC, bucket`,
    {
      wallet: v.address(query.wallet, 'wallet'),
      chainId: v.chainId(query.chainId),
      token: v.address(query.token, 'token'),
      from,
      to,
    },
  );
  const openingRow = rows.find((r) => Number(r.opening) === 1);
  const buckets = rows
    .filter((r) => Number(r.opening) !== 1)
    .map((r) => ({ bucket: Number(r.bucket), delta: BigInt(r.delta) }));
  const opening = openingRow ? BigInt(openingRow.delta) : 0n;
  return balancesAtBucketEnds(opening, buckets).map((p) => ({
    bucket: p.bucket,
    balance: p.balance.toString(),
  }));
}
