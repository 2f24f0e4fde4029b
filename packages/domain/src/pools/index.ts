export {
  judgeCreatedPool,
  judgeStrangerPool,
  type DiscoveryMode,
  type DiscoveryPolicy,
  type KnownFactory,
  type PoolVerdict,
} from './discovery-policy';
export { poolFact, type PoolCreation, type PoolFact } from './pool-events';
