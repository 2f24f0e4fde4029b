import type { ConsumerStateStore, PortfolioOlapStore } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import type { Logger } from 'pino';
import { createRpcChainReader } from '../../../adapters/chain/rpc-chain-reader';
import type { ChainConfig } from '../../../config/chains';
import { createBatchReads, type BatchReads } from '../../../adapters/metadata/batch-reads';
import { createBalanceReader } from './balance-reader';
import { ChainPortfolio } from './chain-portfolio';

/** Contract reads of one chain, and how to let go of its connections. */
export interface ChainReads {
  reads: BatchReads;
  close(): Promise<void>;
}

export interface PortfolioChainsDeps {
  chains: readonly ChainConfig[];
  state: ConsumerStateStore;
  store: PortfolioOlapStore;
  logger: Logger;
  /** How a chain's reads are reached; by default its configured RPC endpoints. */
  connect?: (config: ChainConfig, logger: Logger) => ChainReads;
}

function connectRpc(config: ChainConfig, logger: Logger): ChainReads {
  const reader = createRpcChainReader({ ...config, chainId: config.id, logger });
  return {
    reads: createBatchReads(reader.contracts, config.multicall3),
    close: () => reader.close(),
  };
}

/**
 * The portfolio of every configured chain (priced or not: balances need no prices). Each chain's
 * starting balances are read through its own RPC endpoints, opened on its first event.
 */
export class PortfolioChains {
  private readonly perChain = new Map<number, ChainPortfolio | null>();
  private readonly connections: ChainReads[] = [];

  constructor(private readonly deps: PortfolioChainsDeps) {}

  async handle(chainId: number, events: readonly CanonicalEvent[]): Promise<void> {
    await this.of(chainId)?.handle(events);
  }

  async close(): Promise<void> {
    for (const connection of this.connections.splice(0)) await connection.close();
  }

  private of(chainId: number): ChainPortfolio | null {
    const known = this.perChain.get(chainId);
    if (known !== undefined) return known;
    const { logger } = this.deps;
    const config = this.deps.chains.find((c) => c.id === chainId);
    if (!config) {
      logger.warn(
        { event: 'portfolio.chain_unknown', chainId },
        'events of a chain missing from TIDEMARK_CHAINS: no balances for it (add the chain)',
      );
      this.perChain.set(chainId, null);
      return null;
    }
    const connection = (this.deps.connect ?? connectRpc)(config, logger);
    this.connections.push(connection);
    const portfolio = new ChainPortfolio(chainId, {
      state: this.deps.state,
      store: this.deps.store,
      readBalances: createBalanceReader(chainId, connection.reads, logger),
      logger,
    });
    this.perChain.set(chainId, portfolio);
    return portfolio;
  }
}
