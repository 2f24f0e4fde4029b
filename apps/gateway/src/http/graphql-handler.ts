import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { clientAddress } from '../limits/client-address';
import { readBody } from './json';
import { checkGraphQLRequest } from './request-checks';
import { graphqlResponseStatus } from './response-status';

/** What Apollo's plugins know of an HTTP request beyond the operation. */
export interface RequestContext extends BaseContext {
  /** The client's IP address, per the trusted proxies (the rate limit's subject). */
  clientAddress: string;
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
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  checkGraphQLRequest(method, req.headers['content-type']);
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method,
      headers: headerMap(req),
      search: url.search,
      body,
    },
    context: () => Promise.resolve({ clientAddress: clientAddress(req, trustedProxies) }),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
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
