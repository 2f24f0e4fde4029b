import type {
  AnalyticsOlapStore,
  CostMethod,
  EventBus,
  OlapStore,
  OltpStore,
  Subscription,
} from '@tidemark/domain';
import { ConfigError } from '@tidemark/runtime';
import pino, { type Logger } from 'pino';
import { createRpcChainReader, type RpcChainReader } from './chain/rpc-chain-reader';
import { redactUrl } from './chain/rpc-endpoint';
import type { ChainConfig } from './config/chains';
import type { Role } from './config/indexer-config';
import { followChain } from './ingest/follow-chain';
import { ProgressTracker, type ChainProgress } from './progress';
import { startSinkRole } from './sink/sink-role';
import { startAnalyticsRole } from './analytics/analytics-role';

export interface IndexerDeps {
  chains: readonly ChainConfig[];
  roles: readonly Role[];
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  /** Needed by the analytics role only. */
  analytics?: AnalyticsOlapStore;
  /** How the analytics role costs sales; default `average`. */
  costMethod?: CostMethod;
  logger: Logger;
}

export interface RunningIndexer {
  progress(): ChainProgress[];
  /** Rejects when a role stops on an error no retry can fix. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Checks that each chain's RPC answers with the configured chain id before anything starts. */
export async function connectChains(
  chains: readonly ChainConfig[],
  logger: Logger = pino({ level: 'silent' }),
): Promise<RpcChainReader[]> {
  return Promise.all(
    chains.map(async (c) => {
      const reader = createRpcChainReader({ ...c, chainId: c.id, logger });
      const reached = await reader.getHeadNumber().then(
        () => true,
        (error: unknown) => error,
      );
      if (reached !== true) {
        await reader.close();
        const reason = (reached as Error).message.split('\n')[0];
        // A non-retryable answer (an endpoint on another chain) says itself what is wrong.
        const unreachable = (reached as { retryable?: unknown }).retryable !== false;
        throw new ConfigError(
          'TIDEMARK_CHAINS',
          unreachable
            ? `chain ${c.id} (${c.name}): RPC ${c.rpcUrls.map(redactUrl).join(', ')} is unreachable: ${reason}`
            : `chain ${c.id} (${c.name}): ${reason}`,
        );
      }
      return reader;
    }),
  );
}

function startAnalytics(deps: IndexerDeps): Promise<Subscription> {
  const { analytics } = deps;
  if (!analytics) throw new Error('the analytics role needs the analytics OLAP store');
  return startAnalyticsRole({
    ...deps,
    analytics,
    costMethod: deps.costMethod ?? 'average',
    logger: deps.logger.child({ role: 'analytics' }),
  });
}

/** Starts the configured roles in this process. */
export async function startIndexer(deps: IndexerDeps): Promise<RunningIndexer> {
  const { chains, roles, bus, oltp, olap, logger } = deps;
  const progress = new ProgressTracker();
  const abort = new AbortController();
  const tasks: Promise<void>[] = [];
  const subscriptions: Subscription[] = [];
  if (roles.includes('sink'))
    subscriptions.push(
      await startSinkRole({ bus, olap, oltp, logger: logger.child({ role: 'sink' }) }),
    );
  if (roles.includes('analytics')) subscriptions.push(await startAnalytics(deps));
  if (roles.includes('ingest')) {
    const readers = await connectChains(chains, logger.child({ role: 'ingest' }));
    for (const [i, reader] of readers.entries()) {
      const config = chains[i] as ChainConfig;
      progress.register(config.id, config.name);
      await oltp.upsertChain({ chainId: config.id, name: config.name });
      tasks.push(
        followChain({
          chain: reader,
          contracts: reader.contracts,
          config,
          bus,
          oltp,
          logger: logger.child({ role: 'ingest' }),
          progress,
          signal: abort.signal,
        }),
      );
    }
  }
  const done = Promise.all(tasks).then(() => undefined);
  done.catch(() => abort.abort()); // one chain failing for good stops the others cleanly
  return {
    progress: () => progress.snapshot(),
    done,
    async stop() {
      abort.abort();
      await Promise.allSettled(tasks);
      for (const subscription of subscriptions) await subscription.unsubscribe();
    },
  };
}
