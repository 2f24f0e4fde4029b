import type { ClickHouseClient } from '@clickhouse/client';
import type { OlapStore, TradePage } from '@tidemark/domain';
import {
  tradeColumns,
  tradeFromRow,
  transferColumns,
  transferFromRow,
  type TradeResultRow,
  type TransferResultRow,
} from './rows';
import { retractBlocks } from './retract-blocks';
import { newestFirst, oldestFirst, tradeWhere } from './trade-query';
import { insertTradesTsv, insertTransfersTsv } from './tsv-insert';

/** The OLAP store over a ClickHouse client; the caller decides what the client talks to and closes it. */
export function createClickHouseOlapStore(
  client: ClickHouseClient,
  close: () => Promise<void>,
): OlapStore {
  async function select<Row>(
    query: string,
    params: Record<string, string | number>,
  ): Promise<Row[]> {
    const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<Row>();
  }

  return {
    async insertTrades(trades) {
      if (trades.length === 0) return;
      // One request per call: ClickHouse wants few large inserts, not many small ones.
      await insertTradesTsv(client, trades);
    },

    async insertTransfers(transfers) {
      if (transfers.length === 0) return;
      await insertTransfersTsv(client, transfers);
    },

    async queryTrades(filter, first, after, order = 'newestFirst'): Promise<TradePage> {
      if (!Number.isInteger(first) || first < 0)
        throw new RangeError(`first must be a non-negative integer, got ${first}`);
      const { where, params } = tradeWhere(filter, after, order);
      const orderBy = order === 'oldestFirst' ? oldestFirst : newestFirst;
      // One row more than asked tells whether another page exists.
      const rows = await select<TradeResultRow>(
        `SELECT ${tradeColumns} FROM trades FINAL ${where} ${orderBy} LIMIT {limit:UInt32}`,
        { ...params, limit: first + 1 },
      );
      return { trades: rows.slice(0, first).map(tradeFromRow), hasNextPage: rows.length > first };
    },

    async countTrades(filter) {
      const { where, params } = tradeWhere(filter);
      const rows = await select<{ n: number | string }>(
        `SELECT count() AS n FROM trades FINAL ${where}`,
        params,
      );
      return Number(rows[0]?.n ?? 0);
    },

    async listTransfers(chainId) {
      const rows = await select<TransferResultRow>(
        `SELECT ${transferColumns} FROM transfers FINAL WHERE chain_id = {chainId:UInt32}
         ORDER BY block_number, log_index, block_hash`,
        { chainId },
      );
      return rows.map(transferFromRow);
    },

    retractBlocks: (chainId, blockHashes) => retractBlocks(client, chainId, blockHashes),

    close,
  };
}
