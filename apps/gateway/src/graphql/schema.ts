import type { GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { typeDefs } from '@tidemark/schema';
import { buildResolvers, type ResolverDeps } from './resolvers';

/** The public schema (SDL from @tidemark/schema) bound to this process's stores and live feed. */
export function buildSchema(deps: ResolverDeps): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers: buildResolvers(deps) });
}
