import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { z } from 'zod';
import { defaultLogger } from '../logger';
import { devnetRoot, hardhatConfigPath, parentWatchdogPath } from '../paths';
import { trackChild, untrackChild } from './child-registry';

const chainOptionsSchema = z.object({
  chainId: z.number().int().positive(),
  /** 0 or absent: the node picks a free port. */
  port: z.number().int().min(0).max(65535).default(0),
  blockTimeMs: z.number().int().positive().default(1000),
  /** Funded accounts (10^6 ETH each): account 0 deploys, the others trade. */
  accounts: z.number().int().min(2).max(500).default(48),
  startTimeoutMs: z.number().int().positive().default(30_000),
  /**
   * The chain's clock starts this many seconds behind the wall clock. A setup mining one block per
   * transaction (hundreds of blocks, +1 s each) then ends in the past instead of ahead, and
   * catchUpWithWallClock brings the chain to now: trades then carry the time they happen.
   */
  startSecondsAgo: z.number().int().min(0).default(0),
});
export type DevnetChainOptions = z.input<typeof chainOptionsSchema> & { logger?: Logger };

export interface DevnetChain {
  chainId: number;
  rpcUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const readyLine = /Started HTTP and WebSocket JSON-RPC server at (http:\/\/[\d.]+:\d+)/;

/** Starts a Hardhat node on 127.0.0.1 with interval mining and resolves once it accepts requests. */
export async function startDevnetChain(options: DevnetChainOptions): Promise<DevnetChain> {
  const config = chainOptionsSchema.parse(options);
  const logger = (options.logger ?? defaultLogger).child({ chainId: config.chainId });
  const startedAt = Date.now();
  const child = spawnNode(config);
  trackChild(child);
  try {
    const rpcUrl = await waitUntilReady(child, config.startTimeoutMs, logger);
    logger.info(
      { event: 'chain.started', rpcUrl, childPid: child.pid, ms: Date.now() - startedAt },
      'devnet chain started',
    );
    reportUnexpectedExit(child, logger);
    return {
      chainId: config.chainId,
      rpcUrl,
      pid: child.pid ?? -1,
      stop: () => stopChild(child, logger),
    };
  } catch (error) {
    await stopChild(child, logger);
    throw error;
  }
}

function spawnNode(config: z.infer<typeof chainOptionsSchema>): ChildProcess {
  const hardhatCli = createRequire(import.meta.url).resolve('hardhat/internal/cli/bootstrap.js');
  const args = ['--require', parentWatchdogPath, hardhatCli, 'node', '--config', hardhatConfigPath];
  args.push('--hostname', '127.0.0.1', '--port', String(config.port));
  return spawn(process.execPath, args, {
    cwd: devnetRoot,
    // stdin stays a pipe: its closing is how the node learns that we are gone.
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child inherits this environment as a whole
      ...process.env,
      DEVNET_CHAIN_ID: String(config.chainId),
      DEVNET_BLOCK_TIME_MS: String(config.blockTimeMs),
      DEVNET_ACCOUNTS: String(config.accounts),
      DEVNET_INITIAL_DATE:
        config.startSecondsAgo > 0
          ? new Date(Date.now() - config.startSecondsAgo * 1000).toISOString()
          : '',
      HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true',
    },
  });
}

function waitUntilReady(child: ChildProcess, timeoutMs: number, logger: Logger): Promise<string> {
  const stderrTail: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      const detail = stderrTail.join('\n');
      reject(new Error(`Hardhat node did not start: ${reason}${detail ? `\n${detail}` : ''}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
      logger.warn({ event: 'chain.stderr', line }, 'hardhat node stderr');
    });
    // The node prints its account list after the banner; reading on keeps the pipe from filling.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = readyLine.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

const stopping = new WeakSet<ChildProcess>();

function reportUnexpectedExit(child: ChildProcess, logger: Logger): void {
  child.once('exit', (code, signal) => {
    if (stopping.has(child)) return;
    untrackChild(child);
    logger.error(
      { event: 'chain.exited', childPid: child.pid, code, signal },
      'devnet chain exited unexpectedly',
    );
  });
}

async function stopChild(child: ChildProcess, logger: Logger): Promise<void> {
  stopping.add(child);
  untrackChild(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(forced);
  logger.info({ event: 'chain.stopped', childPid: child.pid }, 'devnet chain stopped');
}
