import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { isScalarType, specifiedScalarTypes, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { useSofa } from 'sofa-api';
import { allowedScope, authenticateHttp, type HttpAuth } from '../auth/http-auth';
import type { Protection } from '../graphql/server/protection';
import { withRequestTimeout } from '../graphql/server/request-timeout';
import { clientAddress } from '../limits/client-address';
import type { RateLimit } from '../limits/rate-limit';
import type { RequestContext } from './graphql-handler';
import { HttpRequestError } from './http-error';
import { restErrorAnswer } from './rest-errors';
import { createRestExecute } from './rest-execute';
import { restSchema } from './rest-schema';

/** Every REST route lives under this path; the OpenAPI document is `${restBasePath}/openapi.json`. */
const restBasePath = '/rest';
const openApiPath = '/openapi.json';

export const isRestPath = (path: string): boolean =>
  path === restBasePath || path.startsWith(`${restBasePath}/`);

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface RestViewDeps {
  /** The gateway's executable schema (the one /graphql serves). */
  schema: GraphQLSchema;
  protection: Protection;
  rateLimit: RateLimit | undefined;
  requestTimeoutMs: number;
  logger: Logger;
  /** Tells who sends each request; REST calls with an API key need its READ scope. */
  httpAuth: HttpAuth;
}

export interface RestView {
  handle(req: IncomingMessage, res: ServerResponse, trustedProxies: number): Promise<void>;
}

/**
 * Our custom scalars are all strings (Address, BigInt, Decimal); without a JSON schema for them
 * the OpenAPI document would point at component schemas that do not exist.
 */
function scalarSchemas(schema: GraphQLSchema): Record<string, unknown> {
  const builtIn = new Set(specifiedScalarTypes.map((type) => type.name));
  return Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !builtIn.has(type.name))
      .map((type) => [type.name, { type: 'string', description: type.description ?? undefined }]),
  );
}

type Sofa = ReturnType<typeof useSofa>;
type SofaErrorHandler = NonNullable<Parameters<typeof useSofa>[0]['errorHandler']>;

function createSofa(deps: RestViewDeps): Sofa {
  const schema = restSchema(deps.schema);
  const errors = {
    logger: deps.logger,
    hideSuggestions: (message: string) => deps.protection.hideSuggestions(message),
  };
  return useSofa({
    basePath: restBasePath,
    schema,
    // How far a route's selection follows a recursive type (the schema has none yet): every route
    // selects its whole result down to scalars, at most 6 levels deep (pools), within the limits.
    depthLimit: 1,
    execute: createRestExecute(deps),
    // What /graphql's resolvers get; fets passes our server context (below) through.
    context: (server) => {
      const { clientAddress, viewer, http } = server as unknown as RequestContext;
      return { clientAddress, viewer, http };
    },
    errorHandler: (list) => {
      const answer = restErrorAnswer(errors, list);
      const response = Response.json(answer.body, {
        status: answer.status,
        headers: { ...answer.headers, 'Content-Type': 'application/json; charset=utf-8' },
      });
      // fets types its own Response class; Node's global one is what it runs with on Node 20.
      return response as unknown as ReturnType<SofaErrorHandler>;
    },
    customScalars: scalarSchemas(schema),
    openAPI: {
      endpoint: openApiPath,
      info: {
        title: 'Tidemark API',
        version,
        description: `The GraphQL API's queries as REST routes, generated from its schema by sofa-api.`,
      },
    },
    // Swagger UI would load scripts from a CDN; the document is enough.
    swaggerUI: { endpoint: false },
  });
}

async function answer(sofa: Sofa, url: URL, context: RequestContext): Promise<HTTPGraphQLResponse> {
  // fets resolves undefined when no route matches (so routers can be chained), typed or not.
  const response = (await sofa.fetch(new Request(url), context)) as Response | undefined;
  if (response === undefined) {
    const hint = `see ${restBasePath}${openApiPath} for the routes`;
    const body = JSON.stringify({ error: `no route for GET ${url.pathname}: ${hint}` });
    const headers = new HeaderMap([['content-type', 'application/json; charset=utf-8']]);
    return { status: 404, headers, body: { kind: 'complete', string: body } };
  }
  const headers = new HeaderMap();
  response.headers.forEach((value, key) => headers.set(key, value));
  return {
    status: response.status,
    headers,
    body: { kind: 'complete', string: await response.text() },
  };
}

/**
 * The REST view: one GET route per query field (`/rest/chains`, `/rest/candles?chainId=…`),
 * generated by sofa-api, and its OpenAPI 3 document. Requests get /graphql's protection: the
 * query limits, the rate limit, the request timeout, its error codes and masking, its CORS.
 */
export function createRestView(deps: RestViewDeps): RestView {
  const sofa = createSofa(deps);
  return {
    async handle(req, res, trustedProxies) {
      const method = (req.method ?? 'GET').toUpperCase();
      // Queries only: sofa's POST webhook routes (subscriptions) are not exposed.
      if (method !== 'GET') {
        const message = `method ${method} is not allowed: the REST view takes GET`;
        throw new HttpRequestError(405, message, { Allow: 'GET, OPTIONS' });
      }
      const caller = await authenticateHttp(deps.httpAuth, req, res);
      if (caller === undefined || !allowedScope(caller.viewer, 'read', res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const { viewer, http } = caller;
      const context = { clientAddress: clientAddress(req, trustedProxies), viewer, http };
      const work = answer(sofa, url, context);
      const response = await withRequestTimeout(work, deps.requestTimeoutMs, deps.logger);
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.end(response.body.kind === 'complete' ? response.body.string : '');
    },
  };
}
