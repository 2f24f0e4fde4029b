export * from './balance-legs';
export * from './balance-history';
