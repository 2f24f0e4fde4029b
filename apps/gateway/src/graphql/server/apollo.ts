import type { Server } from 'node:http';
import { ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerErrorCode,
  ApolloServerValidationErrorCode,
  unwrapResolverError,
} from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';
import { readScopePlugin } from '../../auth/scope-plugin';
import type { RequestContext } from '../../http/graphql-handler';
import { subscriptionsOverWebSocketOnly } from '../../http/http-operations';
import type { RateLimit } from '../../limits/rate-limit';
import { rateLimitPlugin } from '../../limits/rate-limit-plugin';
import type { SubscriptionServer } from '../../live/ws-server';
import { causedByBadUserInput, maskInternalError } from './errors';
import { introspectionDisabledMessage, type Protection } from './protection';
import { withRequestTimeout } from './request-timeout';

export interface ApolloOptions {
  protection: Protection;
  /** An HTTP operation still running after this long is answered with a 503 error. */
  requestTimeoutMs: number;
  /** Production: no introspection (via protection) and no landing page or sandbox. */
  production: boolean;
  /** Per-client cost budget; undefined when rate limiting is off. */
  rateLimit: RateLimit | undefined;
}

const badUserInput = (formatted: GraphQLFormattedError, message = formatted.message) => ({
  ...formatted,
  message,
  extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput },
});

/**
 * Unexpected errors are masked and logged under an id. Every refusal of the caller's document
 * that the caller can fix by sending another one (an input literal our scalars reject, a query
 * over a limit, introspection in production) carries BAD_USER_INPUT, like a bad variable.
 */
function formatError(
  logger: Logger,
  protection: Protection,
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
    return maskInternalError(logger, unwrapResolverError(error), formatted.path);
  }
  const limit = protection.tokenLimitError(error);
  if (limit !== undefined) return badUserInput(formatted, limit.message);
  if (
    formatted.extensions?.validationErrorCode ===
    ApolloServerValidationErrorCode.INTROSPECTION_DISABLED
  ) {
    const { locations, path } = formatted;
    return {
      message: introspectionDisabledMessage,
      locations,
      path,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  const message = protection.hideSuggestions(formatted.message);
  if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && causedByBadUserInput(error)) {
    return badUserInput(formatted, message);
  }
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** Apollo Server whose HTTP operations answer within the request timeout. */
class TimedApolloServer extends ApolloServer<RequestContext> {
  constructor(
    config: ConstructorParameters<typeof ApolloServer<RequestContext>>[0],
    private readonly timeoutMs: number,
    private readonly timeoutLogger: Logger,
  ) {
    super(config);
  }

  override executeHTTPGraphQLRequest(
    request: Parameters<ApolloServer<RequestContext>['executeHTTPGraphQLRequest']>[0],
  ): Promise<HTTPGraphQLResponse> {
    return withRequestTimeout(
      super.executeHTTPGraphQLRequest(request),
      this.timeoutMs,
      this.timeoutLogger,
    );
  }
}

/** Apollo Server over our schema; stopping it drains HTTP requests and WebSocket subscribers. */
export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  subscriptions: SubscriptionServer,
  logger: Logger,
  options: ApolloOptions,
): ApolloServer<RequestContext> {
  const { protection } = options;
  const config = {
    schema,
    includeStacktraceInErrorResponses: false,
    // Set explicitly: Apollo would otherwise decide from NODE_ENV.
    introspection: protection.introspection,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // Documents named by id are resolved from the trusted manifest before Apollo (see
    // documents/); Apollo's own registry would store any document a client sends with its hash.
    persistedQueries: false as const,
    // The process owner (main.ts, or the app hosting the gateway) handles signals and ordering.
    stopOnTerminationSignals: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      formatError(logger, protection, formatted, error),
    logger: logger.child({ component: 'apollo' }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptionsOverWebSocketOnly,
      readScopePlugin,
      ...(options.rateLimit === undefined ? [] : [rateLimitPlugin(options.rateLimit)]),
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      {
        serverWillStart: () =>
          Promise.resolve({
            drainServer: () => subscriptions.dispose(),
          }),
      },
    ],
  };
  return new TimedApolloServer(config, options.requestTimeoutMs, logger);
}
