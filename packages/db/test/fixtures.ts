import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

export const maxUint256 = (2n ** 256n - 1n).toString();
/** Uniswap V3's `sqrtPriceX96` is a uint160 and `liquidity` a uint128. */
export const maxUint160 = (2n ** 160n - 1n).toString();
export const maxUint128 = (2n ** 128n - 1n).toString();

/** A deterministic 0x-hex string of `bytes` bytes derived from the parts. */
export function hex(bytes: number, ...parts: number[]): `0x${string}` {
  const body = parts.map((part) => part.toString(16).padStart(8, '0')).join('');
  return `0x${body.padStart(bytes * 2, '0').slice(-bytes * 2)}`;
}

export const address = (...parts: number[]) => hex(20, ...parts);

export function trade(fields: {
  chainId: number;
  blockNumber: number;
  logIndex: number;
  timestamp: number;
  pool?: number;
  trader?: number;
  amountIn?: string;
  amountOut?: string;
}): TradeExecutedV1 {
  const { chainId, blockNumber, logIndex, timestamp } = fields;
  return {
    type: 'TradeExecutedV1',
    chainId,
    blockNumber,
    blockHash: hex(32, chainId, blockNumber),
    timestamp,
    txHash: hex(32, chainId, blockNumber, logIndex),
    logIndex,
    protocol: 'uniswap-v2',
    pool: address(1, fields.pool ?? 1),
    trader: address(2, fields.trader ?? 1),
    sender: address(3, 1),
    recipient: address(4, 1),
    tokenIn: address(5, 1),
    tokenOut: address(5, 2),
    amountIn: fields.amountIn ?? String(1_000 + logIndex),
    amountOut: fields.amountOut ?? String(2_000 + blockNumber),
  };
}

/** A Uniswap V3 trade: `base` (a trade or trade() fields) with the pool's state after the swap. */
export function v3Trade(
  base: TradeExecutedV1 | Parameters<typeof trade>[0],
  state: { sqrtPriceX96: string; liquidity: string; tick: number },
): TradeExecutedV1 {
  const plain = 'type' in base ? base : trade(base);
  return { ...plain, protocol: 'uniswap-v3', ...state };
}

export function transfer(
  chainId: number,
  blockNumber: number,
  logIndex: number,
  value: string,
): TransferV1 {
  return {
    type: 'TransferV1',
    chainId,
    blockNumber,
    blockHash: hex(32, chainId, blockNumber),
    timestamp: 1_700_000_000 + blockNumber * 12,
    txHash: hex(32, chainId, blockNumber, logIndex),
    logIndex,
    token: address(5, 1),
    from: address(6, logIndex),
    to: address(7, logIndex),
    value,
  };
}

/** The port's order: timestamp, chainId, blockNumber, logIndex, all descending. */
export function newestFirst(a: TradeExecutedV1, b: TradeExecutedV1): number {
  return (
    b.timestamp - a.timestamp ||
    b.chainId - a.chainId ||
    b.blockNumber - a.blockNumber ||
    b.logIndex - a.logIndex
  );
}
