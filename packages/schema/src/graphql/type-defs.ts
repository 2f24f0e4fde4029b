import { readFileSync } from 'node:fs';

/** The GraphQL SDL of the public API; the `.graphql` file is the source of truth. */
export const typeDefs: string = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
