import type { TradeExecutedV1 } from '@tidemark/schema';

export const addr = (digit: string): `0x${string}` => `0x${digit.repeat(40)}`;
const hash = (n: number, salt: string): `0x${string}` =>
  `0x${salt}${n.toString(16).padStart(63, '0')}`;

let counter = 0;

/** A valid canonical trade; every call gets a fresh transaction hash. */
export function makeTrade(fields: Partial<TradeExecutedV1> = {}): TradeExecutedV1 {
  counter += 1;
  const blockNumber = fields.blockNumber ?? 100 + counter;
  return {
    type: 'TradeExecutedV1',
    chainId: 1,
    blockNumber,
    blockHash: hash(blockNumber, 'b'),
    timestamp: 1_700_000_000 + counter,
    txHash: hash(counter, 'c'),
    logIndex: counter % 7,
    protocol: 'uniswap-v2',
    pool: addr('1'),
    trader: addr('2'),
    sender: addr('3'),
    recipient: addr('3'),
    tokenIn: addr('4'),
    tokenOut: addr('5'),
    amountIn: `${123_456_789_012_345_678_901_234_567n + BigInt(counter)}`,
    amountOut: '42',
    ...fields,
  };
}

/** Uniswap V3 pool state after a swap, distinct per `n`, near the top of each field's range. */
function v3State(n: number): Pick<TradeExecutedV1, 'sqrtPriceX96' | 'liquidity' | 'tick'> {
  return {
    sqrtPriceX96: `${2n ** 160n - 1n - BigInt(n)}`,
    liquidity: `${2n ** 128n - 1n - BigInt(n)}`,
    tick: n % 2 === 0 ? 887_272 - n : -887_272 + n,
  };
}

/** A canonical Uniswap V3 trade with its pool state. */
export function makeV3Trade(n: number, fields: Partial<TradeExecutedV1> = {}): TradeExecutedV1 {
  return makeTrade({ protocol: 'uniswap-v3', ...v3State(n), ...fields });
}

export const tradeId = (trade: TradeExecutedV1): string =>
  `${trade.chainId}:${trade.blockHash}:${trade.txHash}:${trade.logIndex}`;

/** The API's order: timestamp, chainId, blockNumber, logIndex, all descending. */
export function newestFirst(trades: readonly TradeExecutedV1[]): TradeExecutedV1[] {
  return [...trades].sort(
    (a, b) =>
      b.timestamp - a.timestamp ||
      b.chainId - a.chainId ||
      b.blockNumber - a.blockNumber ||
      b.logIndex - a.logIndex,
  );
}
