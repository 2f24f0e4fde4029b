import { Session, drainPending } from 'chdb';
import { HOUR, type TradeShape } from './synthetic-trades';

/**
 * The synthetic history of synthetic-trades.ts generated inside ClickHouse: INSERT ... SELECT from
 * numbers(), so 10,000,000 rows never pass through JavaScript. Same shape: two chains alternating,
 * trades spread evenly over the hours, pools and wallets skewed (index = N x u^3), every 50th trade
 * unpriced, about 30 % of trades closing a position. The random numbers are hashes of the row
 * number (deterministic), not mulberry32's, so the rows differ from tradesOfHour's while the
 * distribution is the same.
 */

/** Uniform in [0, 1) from the row number and a per-figure salt. */
const u = (salt: number) => `(cityHash64(n, ${salt}) / 18446744073709551616.0)`;
/** Micro-units (an integer) as an exact Decimal(76, 18). */
const micros = (expr: string) => `(toDecimal256(${expr}, 18) / 1000000)`;
const hex = (expr: string, bytes: number) =>
  `concat('0x', leftPad(lower(hex(toUInt64(${expr}))), ${bytes * 2}, '0'))`;

function insertSql(shape: TradeShape, perHour: number, first: number, count: number): string {
  return `INSERT INTO priced_trades (chain_id, block_number, block_hash, log_index, timestamp,
  tx_hash, protocol, pool, trader, base_token, quote_token, side, base_amount, quote_amount,
  price_quote, price_usd, volume_usd, fee_usd, gas_fee_usd, price_source, realized_pnl_usd,
  closes_position, is_win)
SELECT chain_id, block_number, ${hex('chain_id * 1000000000 + block_number', 32)}, toUInt32(j),
  toDateTime(ts, 'UTC'), ${hex('h * 1000000 + j', 32)}, 'uniswap-v2',
  ${hex('chain_id * 1000000 + pool_i', 20)}, ${hex('trader_i + 1', 20)},
  ${hex('10000000 + pool_i', 20)}, ${hex('20000000', 20)}, if(sell, 'sell', 'buy'),
  toUInt256(volume_m) * 1000000, toUInt256(volume_m) * 1000,
  ${micros('price_m')}, if(unpriced, NULL, ${micros('price_m * 2')}),
  if(unpriced, NULL, ${micros('volume_m')}), ${micros('intDiv(volume_m * 3, 1000)')},
  ${micros('1500000 + j % 1000')}, 'pool:synthetic', if(closes, ${micros('pnl_m')}, NULL),
  closes, closes AND pnl_m > 0
FROM (
  SELECT number AS n, intDiv(n, ${perHour}) AS h, n % ${perHour} AS j,
    toUInt32(j % 2 + 1) AS chain_id,
    ${shape.start} + h * ${HOUR} + intDiv(j * ${HOUR}, ${perHour}) AS ts,
    toUInt64(intDiv(ts - ${shape.start}, 2) + 1) AS block_number,
    toUInt64(floor(${shape.pools} * pow(${u(1)}, 3))) AS pool_i,
    toUInt64(floor(${shape.wallets} * pow(${u(2)}, 3))) AS trader_i,
    toInt64((1 + pool_i) * 1000000 + floor(${u(3)} * 50000)) AS price_m,
    toInt64(floor(${u(4)} * 5000000000)) AS volume_m,
    ${u(5)} < 0.5 AS sell,
    toUInt8(sell AND ${u(6)} < 0.6) AS closes,
    toInt64(floor((${u(7)} - 0.45) * 200000000)) AS pnl_m,
    j % 50 = 0 AS unpriced
  FROM numbers(${first}, ${count})
)`;
}

/** A price and a pool state per pool at the start of the history: what positions and stats read. */
function referenceSql(shape: TradeShape): string[] {
  const pools = `(SELECT toUInt32(c) AS chain_id, toUInt64(p) AS pool_i
    FROM numbers(${shape.pools}) AS ps ARRAY JOIN [1, 2] AS c ARRAY JOIN [ps.number] AS p)`;
  return [
    `INSERT INTO token_prices (chain_id, token, block_number, block_hash, timestamp, price_usd, source)
     SELECT chain_id, ${hex('10000000 + pool_i', 20)}, 1, ${hex('chain_id * 1000000000 + 1', 32)},
       toDateTime(${shape.start}, 'UTC'), ${micros('(1 + pool_i) * 2000000')}, 'pool:synthetic'
     FROM ${pools}`,
    ...['pool_states', 'pool_latest'].map(
      (table) => `INSERT INTO ${table} (chain_id, pool, block_number, block_hash, timestamp,
         liquidity_usd, price_quote, price_usd)
       SELECT chain_id, ${hex('chain_id * 1000000 + pool_i', 20)}, 1,
         ${hex('chain_id * 1000000000 + 1', 32)}, toDateTime(${shape.start}, 'UTC'),
         ${micros('1000000000000 * (1 + pool_i)')}, ${micros('(1 + pool_i) * 1000000')},
         ${micros('(1 + pool_i) * 2000000')}
       FROM ${pools}`,
    ),
  ];
}

/** Trades per hour; the history holds this times its hours. */
export const tradesPerHour = (shape: TradeShape) => Math.round(shape.trades / (shape.days * 24));

/**
 * Fills priced_trades (and one token price and pool state per pool) in the chDB data dir `path`,
 * whose tables already exist; no other engine may have the dir open.
 */
export async function generateTrades(
  shape: TradeShape,
  path: string,
  progress: (done: number, total: number) => void,
): Promise<void> {
  const perHour = tradesPerHour(shape);
  const total = perHour * shape.days * 24;
  const batch = 1_000_000;
  const session = new Session(path);
  try {
    for (let first = 0; first < total; first += batch) {
      await session.queryAsync(
        insertSql(shape, perHour, first, Math.min(batch, total - first)),
        {},
      );
      progress(Math.min(total, first + batch), total);
    }
    for (const sql of referenceSql(shape)) await session.queryAsync(sql, {});
  } finally {
    session.close();
    // The store reopens the dir next; the engine lets go of it only once this settles.
    await drainPending();
  }
}
