import type { IncomingMessage } from 'node:http';
import { readCookie } from './cookies';
import { createIdentityPolicy, type IdentityAuthenticatorDeps } from './identity-policy';
import { anonymousViewer, type Viewer } from './viewer';

/**
 * Tells who is calling. A request without credentials is anonymous; one with credentials that
 * do not check out (unknown, revoked or expired) is refused with an UNAUTHENTICATED GraphQLError,
 * never silently treated as anonymous.
 */
export interface Authenticator {
  /** From an HTTP request: the session cookie or `Authorization: Bearer <api key>`. */
  fromRequest(request: IncomingMessage): Promise<Viewer>;
  /** From a graphql-ws connection: its `connection_init` payload, then the upgrade request. */
  fromConnection(
    request: IncomingMessage,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<Viewer>;
}

/** Everyone is anonymous: the gateway before identity is wired, and tests that need no users. */
export const anonymousAuthenticator: Authenticator = {
  fromRequest: () => Promise.resolve(anonymousViewer),
  fromConnection: () => Promise.resolve(anonymousViewer),
};

/**
 * The identity policy over HTTP: reads the credentials from the request's headers (and a
 * graphql-ws connection_init payload) and hands them to the policy.
 */
export function createIdentityAuthenticator(deps: IdentityAuthenticatorDeps): Authenticator {
  const policy = createIdentityPolicy(deps);
  // One look-up per request, however many layers ask (trusted documents, GraphQL, REST).
  const byRequest = new WeakMap<IncomingMessage, Promise<Viewer>>();
  return {
    fromRequest(request) {
      let viewer = byRequest.get(request);
      if (viewer === undefined) {
        viewer = policy.viewerOfRequest({
          authorization: request.headers.authorization,
          sessionToken: readCookie(request, deps.cookie.name),
        });
        byRequest.set(request, viewer);
      }
      return viewer;
    },
    fromConnection(request, params) {
      return policy.viewerOfConnection({
        authorization: params?.authorization ?? params?.Authorization,
        sessionToken: readCookie(request, deps.cookie.name),
        origin: request.headers.origin,
      });
    },
  };
}
