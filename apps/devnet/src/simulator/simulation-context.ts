import type { Address, Hash } from 'viem';
import type { Logger } from 'pino';
import type { ContractArtifacts } from '../compile/compile-contracts';
import type { MarketDeployment } from '../market/market-types';
import type { DevnetClients } from '../rpc/devnet-clients';
import type { SimPair, Trader } from './market-view';
import type { PriceModel } from './price-model';
import type { Random } from './random';
import type { SimulatorConfig, SimulatorStats } from './simulator-options';

/** Everything one running simulation carries from round to round. */
export interface SimulationContext {
  config: SimulatorConfig;
  clients: DevnetClients;
  artifacts: ContractArtifacts;
  deployment: MarketDeployment;
  logger: Logger;
  stats: SimulatorStats;
  pairs: SimPair[];
  traders: Trader[];
  random: Random;
  prices: PriceModel;
  /** Pools each whale has added liquidity to, so it may later withdraw. */
  providing: Map<Address, Set<Address>>;
  /** Transactions sent in the latest round, possibly not mined yet. */
  lastRound: Hash[];
}
