import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const serversRoot = '/usr/lib/postgresql';
const setupHint = 'install them with: bash scripts/setup/postgres.sh';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust auth, loopback only). */
  url: string;
  stop(): Promise<void>;
}

interface Owner {
  uid: number;
  gid: number;
}

/** The newest Debian PostgreSQL server's bin dir (e.g. /usr/lib/postgresql/15/bin). */
async function findBinDir(): Promise<string> {
  const versions = existsSync(serversRoot) ? await readdir(serversRoot) : [];
  const candidates = versions
    .filter((version) => existsSync(join(serversRoot, version, 'bin', 'initdb')))
    .filter((version) => existsSync(join(serversRoot, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = candidates[0];
  if (newest === undefined) {
    throw new Error(
      `PostgreSQL server binaries (initdb, postgres) not found under ${serversRoot}/<version>/bin; ${setupHint}`,
    );
  }
  return join(serversRoot, newest, 'bin');
}

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` system user. */
async function serverOwner(): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `the 'postgres' system user does not exist (it comes with Debian's postgresql package); ${setupHint}`,
    );
  }
}

// Servers still running when this process exits are killed with it.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, fine for throwaway test data.
  const killAll = () => running.forEach((child) => child.kill('SIGQUIT'));
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(
        new Error(
          `PostgreSQL did not start (${reason}); last output:\n${lines.slice(-10).join('\n')}`,
        ),
      );
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited with ${code ?? signal}`));
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      if (line.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

function spawnServer(
  binDir: string,
  dataDir: string,
  socketDir: string,
  port: number,
  owner?: Owner,
): ChildProcess {
  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${socketDir}`,
    // Throwaway data: durability only slows the tests down.
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
  ];
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...settings.flatMap((setting) => ['-c', setting]),
  ];
  return spawn(join(binDir, 'postgres'), args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH, LANG: 'C' },
    ...owner,
  });
}

async function stopServer(child: ChildProcess, tempDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT'); // fast shutdown
    const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }
  running.delete(child);
  await rm(tempDir, { recursive: true, force: true });
}

/**
 * Starts a throwaway PostgreSQL server from Debian's packages on a free loopback port, with its
 * data and socket in a temp dir. Resolves once it accepts connections; `stop` removes everything.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const binDir = await findBinDir();
  const owner = await serverOwner();
  const tempDir = await mkdtemp(join(tmpdir(), 'tidemark-postgres-'));
  if (owner) await chown(tempDir, owner.uid, owner.gid);
  const dataDir = join(tempDir, 'data');
  try {
    await run(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      {
        env: { PATH: process.env.PATH, LANG: 'C' },
        ...owner,
      },
    );
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const port = await freePort();
  installExitHook();
  const child = spawnServer(binDir, dataDir, tempDir, port, owner);
  running.add(child);
  try {
    await waitUntilReady(child, 30_000);
  } catch (error) {
    await stopServer(child, tempDir);
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => stopServer(child, tempDir),
  };
}
