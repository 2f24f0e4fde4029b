import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { HttpAuth } from '../auth/http-auth';
import type { HttpDocuments } from '../documents/http-documents';
import { applyCors } from './cors';
import { handleGraphQLRequest, type RequestContext } from './graphql-handler';
import { HttpRequestError } from './http-error';
import { sendJson } from './json';
import type { Readiness } from './probes';
import { isRestPath, type RestView } from './rest-view';

export const graphqlPath = '/graphql';

export interface RouterDeps {
  apollo: ApolloServer<RequestContext>;
  /** sofa-api's REST routes and OpenAPI document under /rest. */
  rest: RestView;
  corsOrigins: ReadonlySet<string>;
  /** Proxy hops whose X-Forwarded-For entries name the client (see limits/client-address.ts). */
  trustedProxies: number;
  readiness: () => Promise<Readiness>;
  /** Trusted documents: ids to texts, and the GATEWAY_DOCUMENTS policy. */
  documents: HttpDocuments;
  /** Tells who sends each request (session cookie or API key). */
  httpAuth: HttpAuth;
  logger: Logger;
}

async function route(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (applyCors(req, res, deps.corsOrigins)) return;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (isRestPath(path)) {
    await deps.rest.handle(req, res, deps.trustedProxies);
    return;
  }
  switch (path) {
    case '/health':
      sendJson(res, 200, { status: 'ok' });
      return;
    case '/ready': {
      const result = await deps.readiness();
      sendJson(res, result.ready ? 200 : 503, result);
      return;
    }
    case graphqlPath:
      await handleGraphQLRequest(
        deps.apollo,
        req,
        res,
        deps.trustedProxies,
        deps.documents,
        deps.httpAuth,
      );
      return;
    default:
      sendJson(res, 404, { error: `no route for ${path}` });
  }
}

function fail(deps: RouterDeps, res: ServerResponse, err: unknown): void {
  if (err instanceof HttpRequestError) {
    // Shaped like a GraphQL request error, so GraphQL clients show the message.
    const body = { errors: [{ message: err.message, extensions: { code: 'BAD_REQUEST' } }] };
    if (!res.headersSent) sendJson(res, err.status, body, err.headers);
    return;
  }
  const errorId = randomUUID();
  deps.logger.error(
    { event: 'http.internal_error', errorId, err },
    'unexpected error handling an HTTP request',
  );
  if (res.headersSent) res.destroy();
  else sendJson(res, 500, { error: 'internal server error', errorId });
}

/** The node:http request listener: health probes, CORS, GraphQL over HTTP and the REST view. */
export function createRequestListener(
  deps: RouterDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(deps, req, res).catch((err: unknown) => fail(deps, res, err));
  };
}
