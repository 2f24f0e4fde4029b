import { createGateway } from '@tidemark/gateway';
import { startIndexer, type ChainProgress, type RunningIndexer } from '@tidemark/indexer';
import { openAdapters, type Adapters, type Env } from '@tidemark/runtime';
import type { Logger } from 'pino';
import { startDevnets, type RunningDevnets } from './devnet-runner';
import { withLauncherDefaults } from './gateway-defaults';
import type { LauncherConfig } from './launcher-config';
import { startWeb, type RunningWeb } from './web-runner';

export interface RunningTidemark {
  urls: {
    gateway: string;
    gatewayWs: string;
    web: string | null;
    chains: { id: number; name: string; rpcUrl: string }[];
  };
  progress(): ChainProgress[];
  /** Rejects when the indexer stops on an error no retry can fix. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** The environment the launcher was started with: the web app's settings, and which gateway ones were given. */
  env: Env;
  /** Tests may run without the web app. */
  web?: boolean;
}

/** Starts the whole product in this process: devnets, indexer roles, gateway and the web app. */
export async function startTidemark(
  config: LauncherConfig,
  options: StartOptions,
): Promise<RunningTidemark> {
  const { logger } = options;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse())
      await s().catch((error: unknown) =>
        logger.error({ event: 'launcher.stop_failed', err: error }, 'stop failed'),
      );
  };
  try {
    const adapters: Adapters = await openAdapters(config, logger, 'tidemark');
    stops.push(() => adapters.close());
    let devnets: RunningDevnets | undefined;
    if (config.chains === null) {
      devnets = await startDevnets(
        config.devnet,
        adapters.oltp,
        logger.child({ service: 'devnet' }),
      );
      stops.push(() => devnets!.stop());
    }
    const chains = config.chains ?? devnets!.chains;
    const indexer: RunningIndexer = await startIndexer({
      ...adapters,
      chains,
      roles: ['ingest', 'sink', 'analytics'],
      logger: logger.child({ service: 'indexer' }),
    });
    stops.push(() => indexer.stop());
    const gateway = await createGateway({
      config: withLauncherDefaults(config.gateway, options.env, config, chains),
      ...adapters,
      logger: logger.child({ service: 'gateway' }),
    });
    stops.push(() => gateway.stop());
    let web: RunningWeb | undefined;
    if (options.web !== false) {
      web = await startWeb({
        host: config.webHost,
        port: config.webPort,
        gatewayUrl: gateway.url,
        env: options.env,
        logger: logger.child({ service: 'web' }),
      });
      stops.push(() => web!.stop());
    }
    return {
      urls: {
        gateway: gateway.url,
        gatewayWs: gateway.wsUrl,
        web: web?.url ?? null,
        chains: chains.map((c) => ({ id: c.id, name: c.name, rpcUrl: c.rpcUrls[0] ?? '' })),
      },
      progress: () => indexer.progress(),
      done: indexer.done,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
