import type { IdentityStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import { clearedSessionCookie, type SessionCookieOptions } from './cookies';
import { UnauthenticatedError } from './errors';
import { hashSecret, looksLikeApiKey } from './secrets';
import { anonymousViewer, type Viewer } from './viewer';

/** lastUsedAt is written at most this often per key, so a busy key does not write per request. */
const lastUsedIntervalMs = 60_000;

export interface IdentityAuthenticatorDeps {
  store: IdentityStore;
  cookie: SessionCookieOptions;
  clockMs: () => number;
  logger: Logger;
  /**
   * Origins whose browser WebSockets may use the session cookie. A page on another origin of the
   * same site still gets the SameSite=Lax cookie sent with its WebSocket handshake (no CORS check
   * applies to WebSockets), so there the cookie is ignored and the connection is anonymous.
   */
  browserOrigins: readonly string[];
}

/** A refused session cookie: the 401 also tells the browser to drop it. */
export class StaleSessionError extends UnauthenticatedError {
  constructor(readonly clearCookie: string) {
    super(
      'Your session has expired or was signed out: sign in again. The session cookie is cleared.',
    );
  }
}

/** The bearer token of an Authorization value; a value in any other form is refused. */
function bearerToken(value: string): string {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(value.trim());
  if (match === null)
    throw new UnauthenticatedError(
      'Authorization: expected "Bearer <API key>" (an API key starting with tmk_).',
    );
  return match[1]!;
}

/** Whether a stored key's live checks still pass: kept with the viewer for live events. */
export async function viewerStillValid(
  store: IdentityStore,
  viewer: Viewer,
  now: Date,
): Promise<boolean> {
  if (viewer.kind === 'anonymous') return true;
  if (viewer.via === 'apiKey') return store.isApiKeyActive(viewer.apiKeyId);
  return (
    viewer.sessionId === undefined || (await store.findSession(viewer.sessionId, now)) !== null
  );
}

/** Records a key's use at most once per interval per key (in memory first, then in the store). */
function keyToucher(deps: IdentityAuthenticatorDeps): (keyId: string) => void {
  const touched = new Map<string, number>();
  return (keyId) => {
    const now = deps.clockMs();
    const last = touched.get(keyId);
    if (last !== undefined && now - last < lastUsedIntervalMs) return;
    touched.set(keyId, now);
    deps.store.touchApiKey(keyId, new Date(now), lastUsedIntervalMs).catch((err: unknown) => {
      // Only the lastUsedAt figure suffers; the request itself was authenticated.
      deps.logger.warn({ event: 'identity.touch_failed', keyId, err }, 'could not record key use');
    });
  };
}

async function apiKeyViewer(
  store: IdentityStore,
  touch: (keyId: string) => void,
  token: string,
): Promise<Viewer> {
  const found = looksLikeApiKey(token) ? await store.findApiKey(hashSecret(token)) : null;
  if (found === null)
    throw new UnauthenticatedError(
      'The API key is unknown or revoked: create a new one (createApiKey) and send it as "Bearer <key>".',
    );
  touch(found.key.id);
  const { user, key } = found;
  const scopes = key.scopes;
  return {
    kind: 'user',
    userId: user.id,
    address: user.address,
    via: 'apiKey',
    apiKeyId: key.id,
    scopes,
  };
}

async function sessionViewer(
  deps: IdentityAuthenticatorDeps,
  token: string | undefined,
): Promise<Viewer> {
  if (token === undefined || token === '') return anonymousViewer;
  const sessionId = hashSecret(token);
  const user = await deps.store.findSession(sessionId, new Date(deps.clockMs()));
  if (user === null) throw new StaleSessionError(clearedSessionCookie(deps.cookie));
  return { kind: 'user', userId: user.id, address: user.address, via: 'session', sessionId };
}

/** The credentials a request carries, as its transport found them. */
interface RequestCredentials {
  /** The Authorization value, when one was sent ("Bearer <API key>"). */
  authorization: string | undefined;
  /** The session cookie's token, when the request carried one. */
  sessionToken: string | undefined;
}

/** The credentials of a graphql-ws connection: its connection_init payload, then its upgrade. */
interface ConnectionCredentials {
  /** connection_init's `authorization` (any JSON value the client sent), or undefined. */
  authorization: unknown;
  /** The upgrade request's session cookie token. */
  sessionToken: string | undefined;
  /** The upgrade request's Origin, set by browsers. */
  origin: string | undefined;
}

/** Tells who is calling from the credentials a transport extracted; knows no transport. */
export interface IdentityPolicy {
  viewerOfRequest(credentials: RequestCredentials): Promise<Viewer>;
  viewerOfConnection(credentials: ConnectionCredentials): Promise<Viewer>;
}

/**
 * Tells who is calling from a session cookie or an API key (`Authorization: Bearer tmk_…`, or
 * `authorization` in graphql-ws's connection_init payload). Every credential is looked up every
 * time, so a revoked key or a signed-out session stops working at once.
 */
export function createIdentityPolicy(deps: IdentityAuthenticatorDeps): IdentityPolicy {
  const touch = keyToucher(deps);
  const fromApiKey = (value: string) => apiKeyViewer(deps.store, touch, bearerToken(value));
  return {
    async viewerOfRequest({ authorization, sessionToken }) {
      return await (authorization !== undefined
        ? fromApiKey(authorization)
        : sessionViewer(deps, sessionToken));
    },
    async viewerOfConnection({ authorization, sessionToken, origin }) {
      if (authorization === undefined || authorization === null) {
        if (origin === undefined || deps.browserOrigins.includes(origin))
          return await sessionViewer(deps, sessionToken);
        deps.logger.debug(
          { event: 'live.cookie_ignored', origin },
          'a WebSocket from an origin outside GATEWAY_CORS_ORIGINS: its session cookie is ignored',
        );
        return anonymousViewer;
      }
      if (typeof authorization !== 'string')
        throw new UnauthenticatedError(
          'connection_init: authorization must be a string, "Bearer <API key>".',
        );
      return await fromApiKey(authorization);
    },
  };
}
