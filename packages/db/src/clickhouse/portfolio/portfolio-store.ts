import type { ClickHouseClient } from '@clickhouse/client';
import type { PortfolioOlapStore } from '@tidemark/domain';
import { balanceHistory } from './balance-history';
import { balances, chainBalances } from './balance-queries';
import { insertBalanceDeltas, retractBalanceBlocks } from './write-deltas';

/**
 * Wallet balances over a ClickHouse client (table `balance_deltas`, migration 0011); balance
 * history also reads `token_prices` (0007) for each bucket's price.
 */
export function createClickHousePortfolioStore(client: ClickHouseClient): PortfolioOlapStore {
  return {
    insertBalanceDeltas: (deltas) => insertBalanceDeltas(client, deltas),
    retractBalanceBlocks: (chainId, hashes) => retractBalanceBlocks(client, chainId, hashes),
    balances: (wallet, chainId) => balances(client, wallet, chainId),
    chainBalances: (chainId, limit, after) => chainBalances(client, chainId, limit, after),
    balanceHistory: (query) => balanceHistory(client, query),
  };
}
