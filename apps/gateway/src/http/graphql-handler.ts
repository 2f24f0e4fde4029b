import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { HttpIdentity } from '../auth/access';
import { authenticateHttp, type HttpAuth } from '../auth/http-auth';
import type { Viewer } from '../auth/viewer';
import { DocumentRefusedError } from '../documents/document-errors';
import { resolveHttpDocument, type HttpDocuments } from '../documents/http-documents';
import { clientAddress } from '../limits/client-address';
import { readBody, sendJson } from './json';
import { checkGraphQLRequest } from './request-checks';
import { graphqlResponseStatus } from './response-status';

/** What Apollo's plugins know of an HTTP request beyond the operation. */
export interface RequestContext extends BaseContext {
  /** The client's IP address, per the trusted proxies (the rate limit's subject). */
  clientAddress: string;
  /** Who is calling (session cookie, API key, or anonymous). */
  viewer: Viewer;
  /** Cookies and Host, for sign-in and sign-out. */
  http: HttpIdentity;
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Answers one GraphQL-over-HTTP request with Apollo Server. */
export async function handleGraphQLRequest(
  apollo: ApolloServer<RequestContext>,
  req: IncomingMessage,
  res: ServerResponse,
  trustedProxies: number,
  documents: HttpDocuments,
  auth: HttpAuth,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  checkGraphQLRequest(method, req.headers['content-type']);
  // A refused credential is answered 401 here; nothing runs.
  const caller = await authenticateHttp(auth, req, res);
  if (caller === undefined) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  let input = { method, body: await readBody(req), search: url.search };
  try {
    // A document named by id gets its text here; the policy may refuse the request (nothing runs).
    input = await resolveHttpDocument(documents, req, input);
  } catch (err) {
    if (!(err instanceof DocumentRefusedError)) throw err;
    sendJson(res, 400, { errors: [{ message: err.message, extensions: err.extensions }] });
    return;
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers: headerMap(req), search: input.search, body: input.body },
    context: () =>
      Promise.resolve({
        clientAddress: clientAddress(req, trustedProxies),
        viewer: caller.viewer,
        http: caller.http,
      }),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (caller.cookies.length > 0) res.setHeader('Set-Cookie', caller.cookies);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const contentType = response.headers.get('content-type');
    res.statusCode = graphqlResponseStatus(res.statusCode, contentType, response.body.string);
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
