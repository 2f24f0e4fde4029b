import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Node reports IPv4 peers of a dual-stack socket as `::ffff:a.b.c.d`; one client, one form. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

/**
 * The address of the client behind a request. With `trustedProxies` = 0 it is the socket's peer
 * and `X-Forwarded-For` is ignored (any client can write that header). With n > 0 the last n
 * hops are our own proxies: each appends the address it received from, so the client is the
 * n-th address from the right of `X-Forwarded-For` + the peer. Fewer addresses than hops means
 * a proxy did not append; the leftmost one is taken. An entry that is not an IP address (a
 * misconfigured proxy) falls back to the peer, so it cannot name an arbitrary bucket.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: number): string {
  const peer = normalize(request.socket.remoteAddress ?? 'unknown');
  if (trustedProxies === 0) return peer;
  // Node joins repeated X-Forwarded-For headers with ", ".
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const chain = [...forwarded, peer];
  const candidate = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return isIP(candidate) === 0 ? peer : normalize(candidate);
}
