import { readdirSync, readFileSync } from 'node:fs';

const folder = new URL('./', import.meta.url);

/**
 * The GraphQL SDL of the public API: every `.graphql` file of this folder, in name order (one
 * per area of the API; later files extend the types of earlier ones). The files are the source
 * of truth; code generation reads the same glob.
 */
export const typeDefs: string = readdirSync(folder)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readFileSync(new URL(name, folder), 'utf8'))
  .join('\n');
