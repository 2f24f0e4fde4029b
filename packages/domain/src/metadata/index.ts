export {
  decodeTokenDecimals,
  decodeTokenText,
  toTokenRecord,
  MAX_TOKEN_DECIMALS,
  MAX_TOKEN_TEXT_BYTES,
  type TokenMetadataReturns,
} from './decode-token-metadata';
