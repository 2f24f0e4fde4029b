import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { RequestContext } from '../http/graphql-handler';
import { readScopeRefusal } from './access';

/**
 * Queries over HTTP with an API key need its READ scope (403 FORBIDDEN otherwise). Mutations
 * check their own scope in their resolvers; anonymous callers and sessions pass.
 */
export const readScopePlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, contextValue }) => {
        if (operation?.operation !== OperationTypeNode.QUERY) return Promise.resolve();
        const refused = readScopeRefusal('query', contextValue.viewer);
        if (refused === undefined) return Promise.resolve();
        const extensions = { ...refused.extensions, http: { status: 403 } };
        return Promise.reject(new GraphQLError(refused.message, { extensions }));
      },
    }),
};
