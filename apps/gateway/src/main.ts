import { createLogger, openAdapters, runMain } from '@tidemark/runtime';
import { createGateway } from './gateway';
import { parseServerEnv } from './server-env';

// The gateway as its own process: serves until SIGINT/SIGTERM.
runMain(
  async (onStop) => {
    const env = parseServerEnv(process.env);
    const logger = createLogger('gateway', env.logLevel);
    if (env.kafkaBrokers === undefined)
      logger.warn(
        { event: 'gateway.in_process_bus' },
        'KAFKA_BROKERS is unset: using the in-process bus, so live trades only come from this process',
      );
    const adapters = await openAdapters(env, logger, 'tidemark-gateway');
    const gateway = await createGateway({ config: env.gateway, ...adapters, logger }).catch(
      async (error: unknown) => {
        await adapters.close();
        throw error;
      },
    );
    onStop(async (signal) => {
      logger.info({ event: 'gateway.shutdown', signal }, 'shutting down');
      await gateway.stop();
      await adapters.close();
    });
  },
  { untilSignal: true },
);
