import type { IncomingMessage } from 'node:http';

/** The value of cookie `name` in a request's Cookie header(s), or undefined. */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface SessionCookieOptions {
  name: string;
  /** Secure: sent over HTTPS only (production). */
  secure: boolean;
}

/**
 * A session cookie: httpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * POSTs), the whole site's path, expiring with the session.
 */
export function sessionCookie(
  options: SessionCookieOptions,
  token: string,
  maxAgeSeconds: number,
): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (options.secure) attributes.push('Secure');
  return [`${options.name}=${token}`, ...attributes].join('; ');
}

/** Tells the browser to drop the session cookie (sign-out, or a cookie that no longer works). */
export const clearedSessionCookie = (options: SessionCookieOptions): string =>
  sessionCookie(options, '', 0);
