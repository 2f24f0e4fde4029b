export { analyzeTrade, tradeId, type AnalyzedTrade } from './analyze-trade';
export { orientTrade, type TradeOrientation } from './trade-orientation';
