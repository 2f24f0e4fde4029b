export * from './primitives';
export * from './ports/index';
export { EventTopics, IndexedTopics } from './decode/topics';
export { decodeLog, type DecodedLog } from './decode/decode-log';
export { MalformedLogError, type RawLog } from './decode/raw-log';
export type { PoolCreatedV3Log, SwapV3Log } from './decode/decode-v3';
export {
  deriveTradeV2,
  UnpricedSwapError,
  type PoolTokens,
  type TradeContext,
} from './trades/derive-trade';
export { deriveTradeV3 } from './trades/derive-trade-v3';
export {
  buildRangeEvents,
  type DecodedEntry,
  type RangeInputs,
  type RangeEvents,
} from './ingest/build-events';
export * from './reorg/index';
export * from './pools/index';
export * from './metadata/index';
export * from './money/index';
export * from './pnl/index';
export * from './pricing/index';
export * from './analytics/index';
export * from './portfolio/index';
