import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readCookie, sessionCookie } from './cookies';

const request = (cookie?: string) => ({ headers: { cookie } }) as unknown as IncomingMessage;

describe('session cookies', () => {
  it('reads one cookie among several, and nothing from a request without', () => {
    expect(readCookie(request('a=1; tidemark_session=tok-en_1; b=2'), 'tidemark_session')).toBe(
      'tok-en_1',
    );
    expect(readCookie(request('xtidemark_session=1'), 'tidemark_session')).toBeUndefined();
    expect(readCookie(request(), 'tidemark_session')).toBeUndefined();
  });

  it('is httpOnly, SameSite=Lax, site-wide, and Secure only when asked', () => {
    const options = { name: 's', secure: false };
    expect(sessionCookie(options, 'abc', 60)).toBe(
      's=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie({ ...options, secure: true }, 'abc', 60)).toBe(
      's=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure',
    );
    expect(clearedSessionCookie(options)).toBe('s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});
