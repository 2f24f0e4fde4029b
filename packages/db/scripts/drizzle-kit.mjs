#!/usr/bin/env node
// Runs drizzle-kit (arguments passed through) with drizzle-orm resolved from this package, for
// both its require() calls (NODE_PATH) and its import() calls (the resolve hook).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The package exports neither its bin nor package.json, so find the bin next to its entry point.
const kitEntry = createRequire(import.meta.url).resolve('drizzle-kit');
const kitBin = join(dirname(kitEntry), 'bin.cjs');
const hook = new URL('./resolve-drizzle-orm.mjs', import.meta.url).href;

const result = spawnSync(process.execPath, ['--import', hook, kitBin, ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: `${packageDir}node_modules` },
});
process.exit(result.status ?? 1);
