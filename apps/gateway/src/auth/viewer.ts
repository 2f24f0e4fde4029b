import type { IncomingMessage } from 'node:http';

/** What an API key may do. */
export type ApiKeyScope = 'read' | 'alerts:write';

/** Who is calling: nobody known, or a user through a session cookie or an API key. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      address: string;
      via: 'session';
      /** The session's key in the store (a hash of its cookie), to check it is still valid. */
      sessionId?: string;
    }
  | {
      kind: 'user';
      userId: string;
      address: string;
      via: 'apiKey';
      apiKeyId: string;
      scopes: readonly ApiKeyScope[];
    };

export const anonymousViewer: Viewer = { kind: 'anonymous' };

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
