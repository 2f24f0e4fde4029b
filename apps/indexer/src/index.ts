export {
  parseIndexerConfig,
  parseChains,
  parseRoles,
  type IndexerConfig,
  type Role,
} from './config/indexer-config';
export { ChainConfig } from './config/chains';
export { startIndexer, type IndexerDeps, type RunningIndexer } from './start-indexer';
export { connectChains } from './roles/ingest/connect-chains';
export type { RoleDeps, RoleStarter, StartedRole } from './roles/role-starter';
export { createRpcChainReader, type RpcChainReader } from './adapters/chain/rpc-chain-reader';
export {
  formatBackfill,
  formatProgress,
  ProgressTracker,
  type ChainProgress,
} from './roles/ingest/progress';
export { followChain, type FollowChainDeps } from './roles/ingest/follow-chain';
export { startSinkRole } from './roles/sink/sink-role';
