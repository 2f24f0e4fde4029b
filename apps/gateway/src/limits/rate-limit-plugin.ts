import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { RequestContext } from '../http/graphql-handler';
import { operationCost } from './operation-cost';
import { rateLimitSubjectOf, retryAfterHeader, type RateLimit } from './rate-limit';

/**
 * Charges every HTTP operation's cost to its client before it runs: once the document is
 * validated and the operation chosen, so `first: $n` counts with its variable's value. A refusal
 * answers 429 with `Retry-After` (whole seconds, rounded up) and the RATE_LIMITED error.
 */
export function rateLimitPlugin(rateLimit: RateLimit): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, document, request, schema, contextValue }) => {
          // Subscriptions over HTTP are refused by another plugin; they must not spend budget.
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) return Promise.resolve();
          const cost = operationCost(schema, document, request.operationName, request.variables);
          const refused = rateLimit.charge(
            rateLimitSubjectOf(contextValue.viewer, contextValue.clientAddress),
            cost,
          );
          if (refused === undefined) return Promise.resolve();
          const retryAfter = retryAfterHeader(refused.retryAfterMs);
          const http = { status: 429, headers: new HeaderMap([['retry-after', retryAfter]]) };
          // Typed loosely: sofa-api's typings declare `http.headers` a plain record, Apollo reads a HeaderMap.
          const extensions: Record<string, unknown> = { ...refused.extensions, http };
          return Promise.reject(new GraphQLError(refused.message, { extensions }));
        },
      }),
  };
}
