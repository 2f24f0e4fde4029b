export { createPriceBook, type PriceBook } from './price-book';
export type { PoolDefinition, StateEvent } from './pool-state';
export { V2_FEE_PPM } from './pool-state';
export type { PoolSnapshot, PriceBookSnapshot } from './snapshot';
export {
  PricingInputError,
  type GasInput,
  type NativePoolQuote,
  type PriceBookConfig,
  type PriceSource,
  type TokenPrice,
  type TradePricing,
} from './types';
