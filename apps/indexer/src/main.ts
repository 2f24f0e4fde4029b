import { parseIndexerConfig } from './config/indexer-config';
import { createLogger, openAdapters, runMain } from '@tidemark/runtime';
import { startIndexer } from './start-indexer';

// The indexer as its own process (server mode, or one role per Deployment).
runMain(async (onStop) => {
  const config = parseIndexerConfig(process.env);
  const logger = createLogger('indexer', config.logLevel);
  const adapters = await openAdapters(config, logger, 'tidemark-indexer');
  const indexer = await startIndexer({
    ...adapters,
    chains: config.chains,
    roles: config.roles,
    costMethod: config.costMethod,
    logger,
  }).catch(async (error: unknown) => {
    await adapters.close();
    throw error;
  });
  logger.info(
    { event: 'indexer.started', roles: config.roles, chains: config.chains.map((c) => c.id) },
    'indexer started',
  );
  const timer = setInterval(() => {
    for (const p of indexer.progress())
      logger.info({ event: 'indexer.progress', ...p }, 'progress');
  }, 5000);
  onStop(async () => {
    clearInterval(timer);
    await indexer.stop();
    await adapters.close();
    logger.info({ event: 'indexer.stopped' }, 'indexer stopped');
  });
  await indexer.done;
});
