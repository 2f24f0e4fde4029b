import { topicToAddress, wordToAddress, wordToInt, wordToUint } from './abi-words';
import { dataWords, indexedTopics } from './log-fields';
import { MalformedLogError, type RawLog } from './raw-log';

/** Uniswap V3 `Swap`: amounts are signed from the pool's side (positive = paid into the pool). */
export interface SwapV3Log {
  kind: 'swapV3';
  pool: string;
  sender: string;
  recipient: string;
  amount0: bigint;
  amount1: bigint;
  sqrtPriceX96: bigint;
  liquidity: bigint;
  tick: number;
}

/** Uniswap V3 factory `PoolCreated`. */
export interface PoolCreatedV3Log {
  kind: 'poolCreatedV3';
  factory: string;
  token0: string;
  token1: string;
  fee: number;
  tickSpacing: number;
  pool: string;
}

const INT24_MIN = -(2 ** 23);
const INT24_MAX = 2 ** 23 - 1;

function int24(log: RawLog, hexWord: string, field: string): number {
  const value = wordToInt(hexWord);
  if (value < INT24_MIN || value > INT24_MAX) {
    throw new MalformedLogError(log, `${field} ${value} does not fit an int24`);
  }
  return Number(value);
}

export function decodeSwapV3(log: RawLog, address: string): SwapV3Log {
  const [sender, recipient] = indexedTopics(log, 2) as [string, string];
  const [a0, a1, price, liquidity, tick] = dataWords(log, 5) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    kind: 'swapV3',
    pool: address,
    sender: topicToAddress(sender),
    recipient: topicToAddress(recipient),
    amount0: wordToInt(a0),
    amount1: wordToInt(a1),
    sqrtPriceX96: wordToUint(price),
    liquidity: wordToUint(liquidity),
    tick: int24(log, tick, 'tick'),
  };
}

export function decodePoolCreatedV3(log: RawLog, address: string): PoolCreatedV3Log {
  const [token0, token1, fee] = indexedTopics(log, 3) as [string, string, string];
  const [tickSpacing, pool] = dataWords(log, 2) as [string, string];
  const feeValue = wordToUint(fee.slice(2));
  if (feeValue >= 2n ** 24n) throw new MalformedLogError(log, `fee ${feeValue} exceeds a uint24`);
  return {
    kind: 'poolCreatedV3',
    factory: address,
    token0: topicToAddress(token0),
    token1: topicToAddress(token1),
    fee: Number(feeValue),
    tickSpacing: int24(log, tickSpacing, 'tickSpacing'),
    pool: wordToAddress(pool),
  };
}
