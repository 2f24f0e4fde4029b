import type { CanonicalEvent, TradeExecutedV1 } from '@tidemark/schema';
import type { DecodedLog } from '../decode/decode-log';
import type { RawLog } from '../decode/raw-log';
import { ChainReadError, type BlockHeader, type TransactionReceipt } from '../ports/chain-reader';
import { deriveTradeV2, UnpricedSwapError, type PoolTokens } from '../trades/derive-trade';
import { deriveTradeV3 } from '../trades/derive-trade-v3';

type Hex = `0x${string}`;

export interface DecodedEntry {
  log: RawLog;
  decoded: DecodedLog;
}

export interface RangeInputs {
  chainId: number;
  entries: readonly DecodedEntry[];
  /** Headers of every block that has entries, and of the range's last block. */
  headers: ReadonlyMap<number, BlockHeader>;
  /** lower-case tx hash -> receipt, for every transaction holding a swap. */
  receipts: ReadonlyMap<string, TransactionReceipt>;
  /** pool -> tokens for every pool that swapped (unknown pools are left out with a warning). */
  pools: ReadonlyMap<string, PoolTokens>;
  lastBlock: number;
}

export interface RangeEvents {
  events: CanonicalEvent[];
  /**
   * Swaps that cannot become trades (the address is not a known pool, or no single side went in):
   * reported, not invented into trades.
   */
  skippedSwaps: RawLog[];
}

function header(inputs: RangeInputs, blockNumber: number): BlockHeader {
  const found = inputs.headers.get(blockNumber);
  if (!found) throw new Error(`missing header of block ${blockNumber} (chain ${inputs.chainId})`);
  return found;
}

function logRef(inputs: RangeInputs, log: RawLog) {
  const h = header(inputs, log.blockNumber);
  return {
    chainId: inputs.chainId,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash.toLowerCase() as Hex,
    timestamp: h.timestamp,
    txHash: log.transactionHash.toLowerCase() as Hex,
    logIndex: log.logIndex,
  };
}

function isSwap(d: DecodedLog): d is Extract<DecodedLog, { kind: 'swapV2' | 'swapV3' }> {
  return d.kind === 'swapV2' || d.kind === 'swapV3';
}

/** The receipt of a log's transaction, from the same block as the log. */
function receiptOf(inputs: RangeInputs, log: RawLog): TransactionReceipt {
  const receipt = inputs.receipts.get(log.transactionHash.toLowerCase());
  if (!receipt) throw new Error(`missing receipt of ${log.transactionHash}`);
  // Gas depends on the block (its base fee, the transactions before it): a receipt from another
  // fork means the chain moved between the reads, and reading the range again resolves it.
  if (receipt.blockHash.toLowerCase() !== log.blockHash.toLowerCase())
    throw new ChainReadError(
      `the receipt of ${log.transactionHash} places it in block ${receipt.blockHash}, ` +
        `its log in ${log.blockHash}: the chain changed during the read`,
      true,
    );
  return receipt;
}

function gasOf(
  receipt: TransactionReceipt,
): Pick<TradeExecutedV1, 'gasUsed' | 'effectiveGasPrice'> {
  return {
    gasUsed: receipt.gasUsed.toString(),
    ...(receipt.effectiveGasPrice !== null && {
      effectiveGasPrice: receipt.effectiveGasPrice.toString(),
    }),
  };
}

function toTrade(inputs: RangeInputs, entry: DecodedEntry): TradeExecutedV1 | null {
  const d = entry.decoded;
  if (!isSwap(d)) return null;
  const pool = inputs.pools.get(d.pool);
  if (!pool) return null;
  const receipt = receiptOf(inputs, entry.log);
  const ctx = { ...logRef(inputs, entry.log), trader: receipt.from };
  try {
    const trade = d.kind === 'swapV2' ? deriveTradeV2(d, pool, ctx) : deriveTradeV3(d, pool, ctx);
    // The trade was just built here: adding the gas to it spares a copy per trade.
    return Object.assign(trade, gasOf(receipt));
  } catch (error) {
    if (error instanceof UnpricedSwapError) return null;
    throw error;
  }
}

function toEvent(inputs: RangeInputs, entry: DecodedEntry): CanonicalEvent | null {
  const d = entry.decoded;
  switch (d.kind) {
    case 'transfer':
      return {
        type: 'TransferV1',
        ...logRef(inputs, entry.log),
        token: d.token as Hex,
        from: d.from as Hex,
        to: d.to as Hex,
        value: d.value.toString(),
      };
    case 'pairCreated':
      return {
        type: 'PoolCreatedV1',
        ...logRef(inputs, entry.log),
        protocol: 'uniswap-v2',
        factory: d.factory as Hex,
        pool: d.pair as Hex,
        token0: d.token0 as Hex,
        token1: d.token1 as Hex,
      };
    case 'poolCreatedV3':
      return {
        type: 'PoolCreatedV1',
        ...logRef(inputs, entry.log),
        protocol: 'uniswap-v3',
        factory: d.factory as Hex,
        pool: d.pool as Hex,
        token0: d.token0 as Hex,
        token1: d.token1 as Hex,
        fee: d.fee,
        tickSpacing: d.tickSpacing,
      };
    case 'syncV2':
      return {
        type: 'PoolSyncedV1',
        ...logRef(inputs, entry.log),
        pool: d.pool as Hex,
        reserve0: d.reserve0.toString(),
        reserve1: d.reserve1.toString(),
      };
    case 'swapV2':
    case 'swapV3':
      return toTrade(inputs, entry);
    default: {
      const never: never = d;
      throw new Error(`unhandled decoded log ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Builds the canonical events of one block range, in chain order: for each block, its log events
 * by log index, then its BlockV1. Blocks without logs get no BlockV1 except the range's last one,
 * which marks the range as complete.
 */
export function buildRangeEvents(inputs: RangeInputs): RangeEvents {
  const events: CanonicalEvent[] = [];
  const skippedSwaps: RawLog[] = [];
  const sorted = [...inputs.entries].sort(
    (a, b) => a.log.blockNumber - b.log.blockNumber || a.log.logIndex - b.log.logIndex,
  );
  let openBlock: number | undefined;
  const closeBlock = (n: number) => {
    const h = header(inputs, n);
    events.push({
      type: 'BlockV1',
      chainId: inputs.chainId,
      blockNumber: n,
      blockHash: h.hash.toLowerCase() as Hex,
      parentHash: h.parentHash.toLowerCase() as Hex,
      timestamp: h.timestamp,
    });
  };
  for (const entry of sorted) {
    if (openBlock !== undefined && entry.log.blockNumber !== openBlock) closeBlock(openBlock);
    openBlock = entry.log.blockNumber;
    const event = toEvent(inputs, entry);
    if (event) events.push(event);
    else if (isSwap(entry.decoded)) skippedSwaps.push(entry.log);
  }
  if (openBlock !== undefined && openBlock !== inputs.lastBlock) closeBlock(openBlock);
  closeBlock(inputs.lastBlock);
  return { events, skippedSwaps };
}
