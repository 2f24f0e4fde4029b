#!/usr/bin/env node
// Plants one violation of each static check in temporary folders inside the repository (so that
// the repository's own configuration applies), runs the check, and fails unless each one fires;
// it also plants allowed look-alikes (Next.js route folders, a well-formed event name) that must
// pass. The folders are removed afterwards.
//
//   node scripts/check-planted-violations.mjs
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { findVersionMismatches } from './check-dependency-versions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tag = `planted-${process.pid}`;
const srcDir = join(root, 'packages/bus/src', tag);
const webDir = join(root, 'apps/web/src', tag);
const routeDir = join(root, 'apps/web/src/app', `(${tag})`);

const lines = (count, line) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

// file (relative to its folder) -> [contents, the rule that must fire, or null for none]
const planted = {
  [join(srcDir, 'long-file.ts')]: [
    `${lines(301, (i) => `export const value${i} = ${i};`)}\n`,
    'max-lines',
  ],
  [join(srcDir, 'long-function.ts')]: [
    `export function long(): number {\n  let total = 0;\n${lines(50, (i) => `  total += ${i};`)}\n  return total;\n}\n`,
    'max-lines-per-function',
  ],
  [join(srcDir, 'BadName.ts')]: [
    'export const named = 1;\n',
    'check-file/filename-naming-convention',
  ],
  [join(srcDir, 'Bad_Folder', 'inside.ts')]: [
    'export const inside = 1;\n',
    'check-file/folder-naming-convention',
  ],
  [join(srcDir, 'deep-env.ts')]: [
    "export const port = process.env['PORT'];\n",
    'no-restricted-properties',
  ],
  [join(srcDir, 'prints.ts')]: [
    "export function say(): void {\n  console.log('hi');\n}\n",
    'no-console',
  ],
  [join(srcDir, 'bad-event.ts')]: [
    "export const line = { event: 'storeOpened', backend: 'x' };\n",
    'no-restricted-syntax',
  ],
  [join(srcDir, 'good-event.ts')]: [
    "export const line = { event: 'ingest.reorg_too_deep', backend: 'x' };\n",
    null,
  ],
  [join(webDir, 'conditional-hook.tsx')]: [
    "import { useState } from 'react';\n\nexport function useMaybe(on: boolean): number {\n  if (on) {\n    const [value] = useState(1);\n    return value;\n  }\n  return 0;\n}\n",
    'react-hooks/rules-of-hooks',
  ],
  [join(routeDir, '[chainId]', 'page.tsx')]: [
    'export default function Page() {\n  return null;\n}\n',
    null,
  ],
};

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok    ' : 'FAILED'}  ${what}`);
  if (!ok) failures.push(what);
};

async function plantedLint() {
  for (const [file, [text]] of Object.entries(planted)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const results = await new ESLint({ cwd: root }).lintFiles(Object.keys(planted));
  for (const result of results) {
    const [, rule] = planted[result.filePath];
    const fired = result.messages.map((m) => m.ruleId ?? m.message);
    const where = relative(root, result.filePath);
    if (rule === null) {
      check(fired.length === 0, `eslint passes ${where} (${fired.join(', ') || 'no problem'})`);
    } else {
      check(fired.includes(rule), `eslint ${rule} on ${where}`);
    }
  }
}

async function plantedCycle() {
  const cycleDir = join(srcDir, 'cycle');
  await mkdir(cycleDir, { recursive: true });
  await writeFile(join(cycleDir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
  await writeFile(join(cycleDir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
  const run = spawnSync(
    'npx',
    ['depcruise', '--config', '.dependency-cruiser.cjs', relative(root, cycleDir)],
    { cwd: root, encoding: 'utf8' },
  );
  check(
    run.status !== 0 && run.stdout.includes('no-circular'),
    'dependency-cruiser no-circular on an a.ts <-> b.ts cycle',
  );
}

// Run while the planted files exist: nothing imports them.
function plantedUnusedFile() {
  const run = spawnSync('npx', ['knip', '--no-progress'], { cwd: root, encoding: 'utf8' });
  check(
    run.status !== 0 && run.stdout.includes(`packages/bus/src/${tag}/long-file.ts`),
    'knip reports a planted file nothing imports',
  );
}

async function plantedVersions() {
  const manifests = [
    { file: 'package.json', manifest: { devDependencies: { zod: '^4.6.7' } } },
    { file: 'apps/x/package.json', manifest: { dependencies: { zod: '^4.1.0' } } },
  ];
  check(
    findVersionMismatches(manifests).some((m) => m.name === 'zod'),
    'check-dependency-versions on zod ^4.6.7 vs ^4.1.0',
  );
  const repo = await mkdtemp(join(tmpdir(), 'planted-versions-'));
  try {
    await mkdir(join(repo, 'apps/x'), { recursive: true });
    await writeFile(
      join(repo, 'package.json'),
      JSON.stringify({ workspaces: ['apps/*'], devDependencies: { pino: '^9.14.0' } }),
    );
    await writeFile(
      join(repo, 'apps/x/package.json'),
      JSON.stringify({ dependencies: { pino: '^9.0.0' } }),
    );
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts/check-dependency-versions.mjs'), repo],
      {
        encoding: 'utf8',
      },
    );
    check(run.status === 1 && run.stderr.includes('pino'), 'check-dependency-versions exits 1');
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}

try {
  await plantedLint();
  await plantedCycle();
  plantedUnusedFile();
  await plantedVersions();
} finally {
  await Promise.all(
    [srcDir, webDir, routeDir].map((dir) => rm(dir, { recursive: true, force: true })),
  );
}
if (failures.length > 0) {
  console.error(`${failures.length} checks did not fire on their planted violation`);
  process.exitCode = 1;
}
