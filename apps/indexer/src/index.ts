export {
  parseIndexerConfig,
  parseChains,
  parseRoles,
  type IndexerConfig,
  type Role,
} from './config/indexer-config';
export { ChainConfig } from './config/chains';
export {
  startIndexer,
  connectChains,
  type IndexerDeps,
  type RunningIndexer,
} from './start-indexer';
export { formatBackfill, formatProgress, ProgressTracker, type ChainProgress } from './progress';
export { followChain, type FollowChainDeps } from './ingest/follow-chain';
export { startSinkRole } from './sink/sink-role';
