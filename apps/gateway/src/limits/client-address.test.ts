import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (peer: string | undefined, forwardedFor?: string | string[]) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket peer, X-Forwarded-For ignored, without trusted proxies', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 0)).toBe('10.0.0.5');
  });

  it('writes IPv4 peers of a dual-stack socket in their IPv4 form', () => {
    expect(clientAddress(request('::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientAddress(request('::1'), 0)).toBe('::1');
  });

  it('takes the address the outermost trusted proxy received from', () => {
    // The client forged the first entry; our two proxies appended the rest.
    const req = request('10.0.0.2', '198.51.100.1, 203.0.113.7, 10.0.0.1');
    expect(clientAddress(req, 1)).toBe('10.0.0.1');
    expect(clientAddress(req, 2)).toBe('203.0.113.7');
    expect(clientAddress(req, 3)).toBe('198.51.100.1');
  });

  it('takes the leftmost address when there are fewer than the hops', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.7'), 5)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('joins repeated headers and falls back to the peer for an entry that is no address', () => {
    expect(clientAddress(request('10.0.0.2', ['198.51.100.1', '203.0.113.7']), 1)).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(request('10.0.0.2', 'unknown'), 1)).toBe('10.0.0.2');
  });
});
