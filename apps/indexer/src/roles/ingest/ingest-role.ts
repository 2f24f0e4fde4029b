import type { EventBus, OltpStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { ChainConfig } from '../../config/chains';
import type { StartedRole } from '../role-starter';
import { connectChains } from './connect-chains';
import { followChain } from './follow-chain';
import type { ProgressTracker } from './progress';

export interface IngestRoleDeps {
  chains: readonly ChainConfig[];
  bus: EventBus;
  oltp: OltpStore;
  progress: ProgressTracker;
  logger: Logger;
}

/**
 * Follows every configured chain and publishes its events. Each chain's RPC is checked first
 * (a ConfigError when it does not answer); the chain reader's contract reads go to ingest with
 * it, so token metadata and pool origins share its endpoints and their health.
 */
export async function startIngestRole(deps: IngestRoleDeps): Promise<StartedRole> {
  const { chains, bus, oltp, progress, logger } = deps;
  const readers = await connectChains(chains, logger);
  const abort = new AbortController();
  const tasks: Promise<void>[] = [];
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
        logger,
        progress,
        signal: abort.signal,
      }),
    );
  }
  const done = Promise.all(tasks).then(() => undefined);
  done.catch(() => abort.abort()); // one chain failing for good stops the others cleanly
  return {
    done,
    async stop() {
      abort.abort();
      await Promise.allSettled(tasks);
    },
  };
}
