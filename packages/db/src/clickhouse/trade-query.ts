import type { TradeCursor, TradeFilter } from '@tidemark/domain';

export interface BoundQuery {
  where: string;
  params: Record<string, string | number>;
}

/** WHERE clause for a trade filter; values travel as bound parameters, never inside the SQL. */
export function tradeWhere(filter: TradeFilter = {}, after?: TradeCursor): BoundQuery {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.chainId !== undefined) {
    conditions.push('chain_id = {chainId:UInt32}');
    params.chainId = filter.chainId;
  }
  if (filter.pool !== undefined) {
    conditions.push('pool = {pool:String}');
    params.pool = filter.pool.toLowerCase();
  }
  if (filter.trader !== undefined) {
    conditions.push('trader = {trader:String}');
    params.trader = filter.trader.toLowerCase();
  }
  if (after) {
    // Keyset pagination: strictly after the cursor in the newest-first order.
    conditions.push(
      `(timestamp, chain_id, block_number, log_index) <
       (toDateTime({afterTime:UInt32}, 'UTC'), {afterChain:UInt32}, {afterBlock:UInt64}, {afterLog:UInt32})`,
    );
    Object.assign(params, {
      afterTime: after.timestamp,
      afterChain: after.chainId,
      afterBlock: after.blockNumber,
      afterLog: after.logIndex,
    });
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export const newestFirst =
  'ORDER BY timestamp DESC, chain_id DESC, block_number DESC, log_index DESC';
