import pino from 'pino';
import { openAdapters } from './adapters';
import { createGateway } from './gateway';
import { parseServerEnv, type ServerEnv } from './server-env';

/** One line on stderr and a non-zero exit: a start-up failure needs a fix, not a stack trace. */
function exitWith(message: string): never {
  process.stderr.write(`gateway: ${message}\n`);
  process.exit(1);
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? text;
}

async function run(env: ServerEnv): Promise<void> {
  const logger = pino({ level: env.logLevel, base: { service: 'gateway' } });
  const adapters = await openAdapters(env, logger).catch((err: unknown) =>
    exitWith(`cannot start: ${firstLine(err)}`),
  );
  const gateway = await createGateway({ config: env.gateway, ...adapters, logger }).catch(
    async (err: unknown) => {
      await adapters.close();
      return exitWith(`cannot start: ${firstLine(err)}`);
    },
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    // Listeners stay registered: tsx exits at once on a signal nobody listens to any more.
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'gateway.shutdown', signal }, 'shutting down');
    gateway
      .stop()
      .then(() => adapters.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ event: 'gateway.shutdown_failed', err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

let env: ServerEnv;
try {
  env = parseServerEnv(process.env);
} catch (err) {
  exitWith(firstLine(err));
}
await run(env);
