import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { formatProgress } from '@tidemark/indexer';
import { createLogger, runMain } from '@tidemark/runtime';
import { parseLauncherConfig } from './launcher-config';
import { startTidemark } from './start-tidemark';

// `npm start`: the whole product on embedded defaults. Logs go to a JSON file in the data dir; the
// terminal shows the URLs and one progress line.
runMain(async (onStop) => {
  const config = parseLauncherConfig(process.env);
  mkdirSync(join(config.dataDir, 'logs'), { recursive: true });
  const logFile = join(config.dataDir, 'logs', 'tidemark.jsonl');
  const logger = createLogger(
    'launcher',
    config.logLevel,
    pino.destination({ dest: logFile, sync: false }),
  );
  process.stdout.write(`Tidemark is starting (data in ${config.dataDir}, logs in ${logFile})...\n`);
  const running = await startTidemark(config, { logger, env: process.env });
  const lines = [
    `  dashboard  ${running.urls.web ?? '(not started)'}`,
    `  GraphQL    ${running.urls.gateway}  (subscriptions at ${running.urls.gatewayWs})`,
    ...running.urls.chains.map((c) => `  chain      ${c.name} (${c.id})  ${c.rpcUrl}`),
  ];
  process.stdout.write(`Tidemark is running:\n${lines.join('\n')}\nPress Ctrl-C to stop.\n`);
  const timer = setInterval(() => {
    process.stdout.write(
      `${new Date().toISOString().slice(11, 19)} ${formatProgress(running.progress())}\n`,
    );
  }, 2000);
  onStop(async () => {
    clearInterval(timer);
    process.stdout.write('Stopping...\n');
    await running.stop();
    process.stdout.write('Stopped.\n');
  });
  await running.done;
});
