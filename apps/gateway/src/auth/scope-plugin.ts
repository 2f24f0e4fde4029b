import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { RequestContext } from '../http/graphql-handler';
import { assertScope } from './access';
import { ForbiddenError } from './errors';

/**
 * Queries over HTTP with an API key need its READ scope (403 FORBIDDEN otherwise). Mutations
 * check their own scope in their resolvers; anonymous callers and sessions pass.
 */
export const readScopePlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, contextValue }) => {
        if (operation?.operation !== OperationTypeNode.QUERY) return Promise.resolve();
        try {
          assertScope(contextValue.viewer, 'read');
          return Promise.resolve();
        } catch (err) {
          if (!(err instanceof ForbiddenError)) throw err;
          const extensions = { ...err.extensions, http: { status: 403 } };
          return Promise.reject(new GraphQLError(err.message, { extensions }));
        }
      },
    }),
};
