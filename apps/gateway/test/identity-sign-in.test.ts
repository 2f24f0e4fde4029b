import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { codeOf, IdentityClient } from './support/identity-client';
import { graphqlWsProtocol } from './support/ws-frames';

const signInMutation =
  'mutation ($message: String!, $signature: String!) { signIn(message: $message, signature: $signature) { user { id address authenticatedBy } sessionExpiresAt } }';
const viewerQuery = '{ viewer { id address authenticatedBy } }';

let harness: Harness;
const newClient = () =>
  new IdentityClient(harness.gateway.url, privateKeyToAccount(generatePrivateKey()));

beforeAll(async () => {
  harness = await startHarness('identity-sign-in');
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('Sign-In with Ethereum', () => {
  it('signs in with a real signed message, sets an httpOnly session cookie and knows the viewer', async () => {
    const client = newClient();
    expect((await client.post(viewerQuery)).data).toEqual({ viewer: null });
    const before = Math.floor(Date.now() / 1000);
    const answer = await client.signIn();
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tidemark_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie.split('; ').slice(1)).toEqual([
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      'Max-Age=604800',
    ]);
    const signedIn = (answer.data as { signIn: { sessionExpiresAt: number } }).signIn;
    expect(signedIn.sessionExpiresAt).toBeGreaterThanOrEqual(before + 604_800);
    const viewer = await client.post(viewerQuery);
    expect(viewer.data).toEqual({
      viewer: {
        id: expect.any(String) as string,
        address: client.account.address.toLowerCase(),
        authenticatedBy: 'SESSION',
      },
    });
  });

  it('creates the user on first sign-in only: signing in again is the same user', async () => {
    const client = newClient();
    await client.signIn();
    const first = await client.post<{ viewer: { id: string } }>(viewerQuery);
    await client.signIn();
    const again = await client.post<{ viewer: { id: string } }>(viewerQuery);
    expect(again.data!.viewer.id).toBe(first.data!.viewer.id);
    const other = newClient();
    await other.signIn();
    const otherViewer = await other.post<{ viewer: { id: string } }>(viewerQuery);
    expect(otherViewer.data!.viewer.id).not.toBe(first.data!.viewer.id);
  });

  it('accepts a nonce once: replaying a signed message is refused', async () => {
    const client = newClient();
    const signed = await client.signedMessage();
    expect((await client.post(signInMutation, signed)).errors).toBeUndefined();
    const replay = await client.post(signInMutation, signed);
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0]!.message).toContain('nonce is unknown, used already or expired');
    expect(replay.headers.get('set-cookie')).toBeNull();
  });

  it('refuses another account’s signature without burning the nonce', async () => {
    const client = newClient();
    const signed = await client.signedMessage();
    const impostor = privateKeyToAccount(generatePrivateKey());
    const forged = {
      ...signed,
      signature: await impostor.signMessage({ message: signed.message }),
    };
    const refused = await client.post(signInMutation, forged);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0]!.message).toContain('signature is not');
    expect((await client.post(signInMutation, signed)).errors).toBeUndefined();
  });

  it('refuses a message for another domain, an expired one and one issued long ago', async () => {
    const client = newClient();
    const cases = [
      [{ domain: 'evil.example' }, 'the message is for evil.example'],
      [{ expirationTime: new Date(Date.now() - 1000) }, 'has expired'],
      [{ issuedAt: new Date(Date.now() - 3_600_000) }, 'older than any valid nonce'],
      [{ notBefore: new Date(Date.now() + 3_600_000) }, 'not valid yet'],
    ] as const;
    for (const [fields, why] of cases) {
      const refused = await client.post(signInMutation, await client.signedMessage(fields));
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors![0]!.message).toContain(why);
    }
  });

  it('answers BAD_USER_INPUT to a message or signature that is not one', async () => {
    const client = newClient();
    const signed = await client.signedMessage();
    const notSiwe = await client.post(signInMutation, { ...signed, message: 'hello' });
    expect(codeOf(notSiwe)).toBe('BAD_USER_INPUT');
    expect(notSiwe.errors![0]!.message).toContain('not an EIP-4361 sign-in message');
    // Any whole number of bytes may be a contract wallet's signature; half a byte is none.
    const badSignature = await client.post(signInMutation, { ...signed, signature: '0x123' });
    expect(codeOf(badSignature)).toBe('BAD_USER_INPUT');
    expect(badSignature.errors![0]!.message).toContain('signature: expected hex bytes');
  });

  it('signs out: the session stops working and a stale cookie answers 401 and is cleared', async () => {
    const client = newClient();
    await client.signIn();
    const stale = client.cookie;
    const out = await client.post<{ signOut: boolean }>('mutation { signOut }');
    expect(out.data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^tidemark_session=; .*Max-Age=0/);
    const refused = await client.post(viewerQuery, undefined, { cookie: stale });
    expect(refused.status).toBe(401);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm="tidemark"/);
    expect(refused.headers.get('set-cookie')).toMatch(/^tidemark_session=; .*Max-Age=0/);
    expect((await client.post(viewerQuery, undefined, { cookie: null })).data).toEqual({
      viewer: null,
    });
  });
});

/** One operation over a fresh graphql-ws connection; resolves the first frame answering it. */
async function overWebSocket(
  query: string,
  options: { cookie?: string; authorization?: string; origin?: string } = {},
): Promise<Record<string, unknown>> {
  const headers = {
    ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  };
  const socket = new WebSocket(harness.gateway.wsUrl, [graphqlWsProtocol], { headers });
  try {
    const frames: Record<string, unknown>[] = [];
    const waiters: (() => void)[] = [];
    socket.on('message', (data: Buffer) => {
      frames.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
      waiters.shift()?.();
    });
    const next = async () => {
      if (frames.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return frames.shift()!;
    };
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const payload =
      options.authorization === undefined ? {} : { authorization: options.authorization };
    socket.send(JSON.stringify({ type: 'connection_init', payload }));
    expect((await next()).type).toBe('connection_ack');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    return await next();
  } finally {
    socket.close();
  }
}

describe('credentials over graphql-ws', () => {
  it('takes the session cookie of the upgrade request, or the key in connection_init', async () => {
    const client = newClient();
    await client.signIn();
    const address = client.account.address.toLowerCase();
    const bySession = await overWebSocket(viewerQuery, { cookie: client.cookie });
    expect(bySession.payload).toMatchObject({
      data: { viewer: { address, authenticatedBy: 'SESSION' } },
    });
    const { secret } = await client.createApiKey();
    const byKey = await overWebSocket(viewerQuery, { authorization: `Bearer ${secret}` });
    expect(byKey.payload).toMatchObject({
      data: { viewer: { address, authenticatedBy: 'API_KEY' } },
    });
    expect((await overWebSocket(viewerQuery)).payload).toEqual({ data: { viewer: null } });
  });

  it("takes a browser's cookie only from the dashboard's origins (GATEWAY_CORS_ORIGINS)", async () => {
    const client = newClient();
    await client.signIn();
    const dashboard = await overWebSocket(viewerQuery, {
      cookie: client.cookie,
      origin: 'http://127.0.0.1:3000',
    });
    expect(dashboard.payload).toMatchObject({ data: { viewer: { authenticatedBy: 'SESSION' } } });
    // Another page of the same site (SameSite=Lax sends it the cookie): anonymous, not the user.
    const elsewhere = await overWebSocket(viewerQuery, {
      cookie: client.cookie,
      origin: 'http://127.0.0.1:8081',
    });
    expect(elsewhere.payload).toEqual({ data: { viewer: null } });
  });

  it('refuses sign-in over graphql-ws: it sets a cookie, so it goes over HTTP', async () => {
    const client = newClient();
    const signed = await client.signedMessage();
    const query = `mutation { signIn(message: ${JSON.stringify(signed.message)}, signature: "${signed.signature}") { sessionExpiresAt } }`;
    const answer = await overWebSocket(query);
    const errors = (
      answer.payload as { errors: { message: string; extensions: { code: string } }[] }
    ).errors;
    expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0]!.message).toContain('send it over HTTP');
  });
});
