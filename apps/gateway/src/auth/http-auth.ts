import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/json';
import { readCookie } from './cookies';
import { assertScope, type HttpIdentity } from './access';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Authenticator } from './http-authenticator';
import { StaleSessionError } from './identity-policy';
import type { ApiKeyScope, Viewer } from './viewer';

/** What the HTTP layer needs to authenticate a request. */
export interface HttpAuth {
  authenticator: Authenticator;
  /** The session cookie's name (signOut reads the token from it). */
  cookieName: string;
}

export interface AuthenticatedRequest {
  viewer: Viewer;
  http: HttpIdentity;
  /** Set-Cookie values the operation asked for, to write on the response. */
  cookies: string[];
}

/**
 * Tells who sent an HTTP request. A refused credential is answered here: 401 with
 * `WWW-Authenticate` and the UNAUTHENTICATED error (never silent anonymity); it then resolves
 * undefined and the request goes no further.
 */
export async function authenticateHttp(
  auth: HttpAuth,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<AuthenticatedRequest | undefined> {
  let viewer: Viewer;
  try {
    viewer = await auth.authenticator.fromRequest(req);
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    const headers: Record<string, string> = {
      'WWW-Authenticate': 'Bearer realm="tidemark", error="invalid_token"',
    };
    if (err instanceof StaleSessionError) headers['Set-Cookie'] = err.clearCookie;
    const body = { errors: [{ message: err.message, extensions: err.extensions }] };
    sendJson(res, 401, body, headers);
    return undefined;
  }
  const cookies: string[] = [];
  return {
    viewer,
    cookies,
    http: {
      host: req.headers.host,
      sessionToken: readCookie(req, auth.cookieName),
      setCookie: (value) => cookies.push(value),
    },
  };
}

/**
 * Answers 403 FORBIDDEN when the caller's API key lacks `scope` (e.g. READ for the REST view);
 * resolves true when the request may go on.
 */
export function allowedScope(viewer: Viewer, scope: ApiKeyScope, res: ServerResponse): boolean {
  try {
    assertScope(viewer, scope);
    return true;
  } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
    sendJson(res, 403, { errors: [{ message: err.message, extensions: err.extensions }] });
    return false;
  }
}
