export { startDevnetChain, type DevnetChain, type DevnetChainOptions } from './chain/start-chain';
export { catchUpWithWallClock } from './chain/wall-clock';
export { deployMarket, type DeployMarketOptions } from './market/deploy-market';
export type {
  DeployedOddToken,
  DeployedPair,
  DeployedToken,
  MarketDeployment,
} from './market/market-types';
export { MULTICALL3_ADDRESS } from './market/deploy-metadata-fixtures';
export {
  loadContractArtifacts,
  type ContractArtifacts,
  type ContractName,
} from './compile/compile-contracts';
export { startSimulator, type MarketSimulator } from './simulator/simulator';
export type { SimulatorOptions, SimulatorStats } from './simulator/simulator-options';
export {
  injectReorg,
  type InjectReorgOptions,
  type InjectedReorg,
  type MinedBlock,
} from './reorg/inject-reorg';
