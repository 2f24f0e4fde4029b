export * from './ports/index';
export { EventTopics, IndexedTopics } from './decode/topics';
export { decodeLog, type DecodedLog } from './decode/decode-log';
export { MalformedLogError, type RawLog } from './decode/raw-log';
export {
  deriveTradeV2,
  UnpricedSwapError,
  type PoolTokens,
  type TradeContext,
} from './trades/derive-trade';
export {
  buildRangeEvents,
  type DecodedEntry,
  type RangeInputs,
  type RangeEvents,
} from './ingest/build-events';
