import type { Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';
import type { SubscriptionServer } from '../live/ws-server';
import { causedByBadUserInput, maskInternalError } from './errors';

/**
 * Unexpected errors are masked and logged under an id. An input literal our scalars reject is
 * reported by graphql-js as a validation failure; it is the same mistake as a bad variable, so
 * it carries the same BAD_USER_INPUT code.
 */
function formatError(
  logger: Logger,
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
    return maskInternalError(logger, unwrapResolverError(error), formatted.path);
  }
  if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && causedByBadUserInput(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
  }
  return formatted;
}

/** Apollo Server over our schema; stopping it drains HTTP requests and WebSocket subscribers. */
export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  subscriptions: SubscriptionServer,
  logger: Logger,
): ApolloServer<BaseContext> {
  return new ApolloServer<BaseContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // The process owner (main.ts, or the app hosting the gateway) handles signals and ordering.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(logger, formatted, error),
    logger: logger.child({ component: 'apollo' }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: () =>
          Promise.resolve({
            drainServer: () => subscriptions.dispose(),
          }),
      },
    ],
  });
}
