import type { TradeCursor, TradeFilter, TradeOrder } from '@tidemark/domain';

export interface BoundQuery {
  where: string;
  params: Record<string, string | number>;
}

/** Each listed chain's trades up to its block; `false` (nothing) when no chain is listed. */
function atOrBelowCondition(
  bounds: ReadonlyMap<number, number>,
  params: Record<string, string | number>,
): string {
  const terms = [...bounds].map(([chainId, block], i) => {
    params[`boundChain${i}`] = chainId;
    params[`boundBlock${i}`] = block;
    return `(chain_id = {boundChain${i}:UInt32} AND block_number <= {boundBlock${i}:UInt64})`;
  });
  return terms.length > 0 ? `(${terms.join(' OR ')})` : '0';
}

/** WHERE clause for a trade filter; values travel as bound parameters, never inside the SQL. */
export function tradeWhere(
  filter: TradeFilter = {},
  after?: TradeCursor,
  order: TradeOrder = 'newestFirst',
): BoundQuery {
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
  if (filter.atOrBelow !== undefined) conditions.push(atOrBelowCondition(filter.atOrBelow, params));
  if (after) {
    // Keyset pagination: strictly after the cursor in the order read.
    const op = order === 'oldestFirst' ? '>' : '<';
    conditions.push(
      `(timestamp, chain_id, block_number, log_index) ${op}
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
export const oldestFirst = 'ORDER BY timestamp, chain_id, block_number, log_index';
