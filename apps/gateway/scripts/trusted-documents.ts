// Writes the trusted-documents manifest from the dashboard's operations (every feature's
// documents.ts under apps/web/src/features/), or with --check fails when the committed one is stale:
//   npm run documents:generate -w @tidemark/gateway
//   npm run documents:check -w @tidemark/gateway
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { operationsOf, renderManifest, type NamedDocument } from '../src/documents/manifest-file';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * The web app's features, each with its GraphQL operations in documents.ts (read at run time: the
 * gateway never depends on apps/web).
 */
const webFeaturesPath = `${repoRoot}apps/web/src/features/`;
const manifestPath = `${repoRoot}packages/schema/src/graphql/trusted-documents.json`;

// A command-line tool: its lines are for the person (or CI step) that ran it, not a service log.
const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

async function currentManifest(): Promise<string | undefined> {
  try {
    return await readFile(manifestPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every feature's operations, features in name order. */
async function dashboardOperations(): Promise<NamedDocument[]> {
  const entries = await readdir(webFeaturesPath, { withFileTypes: true });
  const features = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const documents: NamedDocument[] = [];
  for (const feature of features.sort()) {
    if (!(await readdir(`${webFeaturesPath}${feature}`)).includes('documents.ts')) continue;
    const file = `${webFeaturesPath}${feature}/documents.ts`;
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    documents.push(...operationsOf(exports));
  }
  return documents;
}

async function main(check: boolean): Promise<number> {
  const documents = await dashboardOperations();
  if (documents.length === 0) {
    fail(`no GraphQL operations exported by ${webFeaturesPath}*/documents.ts`);
    return 1;
  }
  const wanted = renderManifest(documents);
  const names = documents.map((document) => document.name).join(', ');
  if (!check) {
    await writeFile(manifestPath, wanted);
    say(`wrote ${documents.length} trusted documents (${names}) to ${manifestPath}`);
    return 0;
  }
  if ((await currentManifest()) === wanted) {
    say(`trusted documents are current (${names})`);
    return 0;
  }
  fail(
    `${manifestPath} is stale: the dashboard's operations changed. Run npm run documents:generate -w @tidemark/gateway and commit the result.`,
  );
  return 1;
}

process.exitCode = await main(process.argv.includes('--check'));
