import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What codegen writes, relative to the repository root. */
export const generatedFiles = [
  'apps/gateway/src/graphql/generated/resolvers.ts',
  'apps/web/src/lib/api/generated/operations.ts',
];

const schemaPackage = resolve(import.meta.dirname, '..');
const repositoryRoot = resolve(schemaPackage, '../..');

/**
 * Regenerates into a temporary directory and names every committed file that differs (or is
 * missing). An empty answer means the generated code is current.
 */
export function staleGeneratedFiles(): string[] {
  const out = mkdtempSync(join(tmpdir(), 'tidemark-codegen-'));
  try {
    execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
      cwd: schemaPackage,
      env: { ...process.env, CODEGEN_OUT: out },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const read = (path: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    };
    return generatedFiles.filter(
      (file) => read(join(out, file)) !== read(join(repositoryRoot, file)),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Run as a script (npm run codegen:check): exit 1 with what to do when anything is stale.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const stale = staleGeneratedFiles();
  if (stale.length > 0) {
    console.error(
      `codegen:check: generated code is out of date with the SDL or the dashboard's documents:\n` +
        stale.map((file) => `  ${file}\n`).join('') +
        'Run `npm run codegen -w @tidemark/schema` and commit the result.',
    );
    process.exit(1);
  }
  console.log('codegen:check: generated code is current');
}
