import type { ClickHouseClient } from '@clickhouse/client';
import type { BalanceCursor, TokenBalance } from '@tidemark/domain';
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
