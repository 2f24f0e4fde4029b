export { startDevnetChain, type DevnetChain, type DevnetChainOptions } from './chain/start-chain';
export { deployMarket, type DeployMarketOptions } from './market/deploy-market';
export type { DeployedPair, DeployedToken, MarketDeployment } from './market/market-types';
export {
  loadContractArtifacts,
  type ContractArtifacts,
  type ContractName,
} from './compile/compile-contracts';
export {
  startSimulator,
  type MarketSimulator,
  type SimulatorOptions,
  type SimulatorStats,
} from './simulator/simulator';
