// Fails when src/postgres/schema.ts has changes no migration in ./drizzle covers: it runs
// `drizzle-kit check` (the migrations agree with each other), then generates into a copy of
// ./drizzle, which must produce nothing new. Run it with `npm run db:check -w @tidemark/db`.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const drizzleKit = join(packageDir, 'scripts', 'drizzle-kit.mjs');

/** Runs drizzle-kit; resolves with its output, rejects when it fails or waits for an answer. */
function runDrizzleKit(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [drizzleKit, ...args], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A rename question from `generate` would wait for ever on a closed stdin.
    const timer = setTimeout(() => child.kill(), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else
        reject(
          new Error(
            `drizzle-kit ${args[0]} failed (${code ?? 'killed'}); run it yourself to see why:\n${output}`,
          ),
        );
    });
  });
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries.map(async (entry) =>
      entry.isDirectory()
        ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    ),
  );
  return files.flat().sort();
}

/** The migration files drizzle-kit would add to `migrationsDir` for the current schema. */
export async function pendingMigrations(migrationsDir: string): Promise<string[]> {
  // drizzle-kit only handles an output dir relative to the package, so the scratch copy lives in
  // the package's (git-ignored) .cache.
  await mkdir(join(packageDir, '.cache'), { recursive: true });
  const scratch = await mkdtemp(join(packageDir, '.cache', 'migrations-check-'));
  try {
    await cp(migrationsDir, scratch, { recursive: true }).catch(() => undefined);
    const before = new Set(await listFiles(scratch));
    const out = `./${relative(packageDir, scratch)}`;
    const output = await runDrizzleKit([
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      './src/postgres/schema.ts',
      '--out',
      out,
    ]);
    const added = (await listFiles(scratch)).filter((file) => !before.has(file));
    // drizzle-kit exits 0 even when it fails, so "nothing new" must be confirmed by its own words.
    if (added.length === 0 && !output.includes('No schema changes')) {
      throw new Error(
        `drizzle-kit generate neither wrote a migration nor reported the schema unchanged:\n${output}`,
      );
    }
    return added;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `drizzle-kit check`: the snapshots in ./drizzle are consistent with one another. */
export async function checkMigrationHistory(): Promise<void> {
  const output = await runDrizzleKit(['check', '--config', 'drizzle.config.ts']);
  if (!output.includes("Everything's fine"))
    throw new Error(`drizzle-kit check found a problem:\n${output}`);
}

async function main(): Promise<void> {
  await checkMigrationHistory();
  const pending = await pendingMigrations(resolve(packageDir, 'drizzle'));
  if (pending.length > 0) {
    console.error(`The schema changed without a migration (would add ${pending.join(', ')}).`);
    console.error('Run `npm run db:generate -w @tidemark/db` and commit packages/db/drizzle.');
    process.exit(1);
  }
  console.log('PostgreSQL migrations are current.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
