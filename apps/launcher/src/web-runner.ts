import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface RunningWeb {
  url: string;
  stop(): Promise<void>;
}

const webDir = dirname(createRequire(import.meta.url).resolve('@tidemark/web/package.json'));

async function waitForHttp(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the web app exited with code ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`the web app did not answer at ${url} within ${deadlineMs / 1000}s`);
}

/** Serves the built dashboard with `next start`, pointed at the gateway. */
export async function startWeb(options: {
  host: string;
  port: number;
  gatewayUrl: string;
  /** The launcher's environment, passed on to the web app's process. */
  env: Record<string, string | undefined>;
  logger: Logger;
}): Promise<RunningWeb> {
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      'the web app is not built: run `npm run build -w @tidemark/web` (npm start does this for you)',
    );
  }
  const nextBin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--hostname', options.host, '--port', String(options.port)],
    {
      cwd: webDir,
      env: {
        ...options.env,
        TIDEMARK_GATEWAY_URL: options.gatewayUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) =>
    options.logger.debug({ event: 'web.output', text: chunk.toString().trim() }, 'web'),
  );
  child.stderr?.on('data', (chunk: Buffer) =>
    options.logger.warn({ event: 'web.output', text: chunk.toString().trim() }, 'web'),
  );
  const url = `http://${options.host}:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
  };
  try {
    await waitForHttp(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
