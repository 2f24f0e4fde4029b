#!/usr/bin/env node
// Fails when two package.json files of the repository (the root and every workspace) declare the
// same dependency with different version ranges: one range per dependency keeps one copy installed
// and makes an upgrade one edit per file, all alike.
//
//   node scripts/check-dependency-versions.mjs [repository root]
import { access, readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The manifests of a repository: the root package.json and those its `workspaces` patterns name. */
export async function readManifests(root) {
  const rootManifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const files = ['package.json'];
  for (const pattern of rootManifest.workspaces ?? []) {
    // Workspace patterns here are folders or `folder/*`.
    const dirs = pattern.endsWith('/*')
      ? (await readdir(join(root, pattern.slice(0, -2)), { withFileTypes: true }))
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern];
    for (const dir of dirs) {
      const file = join(dir, 'package.json');
      if (
        await access(join(root, file)).then(
          () => true,
          () => false,
        )
      )
        files.push(file);
    }
  }
  return Promise.all(
    files.sort().map(async (file) => ({
      file: relative(root, join(root, file)),
      manifest: JSON.parse(await readFile(join(root, file), 'utf8')),
    })),
  );
}

/** Each dependency declared with more than one range, with the files that declare each range. */
export function findVersionMismatches(manifests) {
  const ranges = new Map();
  for (const { file, manifest } of manifests) {
    for (const field of fields) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const byRange = ranges.get(name) ?? new Map();
        byRange.set(range, [...(byRange.get(range) ?? []), `${file} (${field})`]);
        ranges.set(name, byRange);
      }
    }
  }
  return [...ranges]
    .filter(([, byRange]) => byRange.size > 1)
    .map(([name, byRange]) => ({ name, ranges: Object.fromEntries(byRange) }));
}

async function main() {
  const root = resolve(process.argv[2] ?? '.');
  const mismatches = findVersionMismatches(await readManifests(root));
  for (const { name, ranges } of mismatches) {
    console.error(`${name} has ${Object.keys(ranges).length} ranges:`);
    for (const [range, where] of Object.entries(ranges)) {
      console.error(`  ${range}  ${where.join(', ')}`);
    }
  }
  if (mismatches.length > 0) {
    console.error(
      `${mismatches.length} dependencies with more than one range: use one range each.`,
    );
    process.exitCode = 1;
  } else {
    console.log('one version range per dependency');
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) await main();
