import type { ApiKeyScopeName, WatchTargetKind } from '@tidemark/domain';
import { requireScope, requireSession, type IdentityContext } from '../../auth/access';
import { clearedSessionCookie, sessionCookie } from '../../auth/cookies';
import { NotFoundError, UnauthenticatedError } from '../../auth/errors';
import type { IdentityService } from '../../auth/identity-service';
import { hashSecret, newApiKeySecret, newToken } from '../../auth/secrets';
import { newSiweNonce, verifySignIn } from '../../auth/siwe';
import { badUserInput } from '../server/errors';
import { fromGlobalId } from './identity-ids';
import { apiKeyView, userView, watchlistEntryView } from './identity-views';

const maxNameLength = 100;

/** The cookie-setting half of a request; sign-in needs HTTP (graphql-ws has no cookies to set). */
function httpOf(context: IdentityContext, field: string) {
  if (context.http === undefined)
    throw badUserInput(`${field} sets a cookie: send it over HTTP (POST /graphql), not graphql-ws`);
  return context.http;
}

function signInDomain(identity: IdentityService, host: string | undefined): string {
  const domain = identity.settings.siweDomain ?? host;
  if (domain === undefined || domain === '')
    throw badUserInput(
      'signIn: the request has no Host header to check the message domain against',
    );
  return domain;
}

async function signIn(
  identity: IdentityService,
  args: { message: string; signature: string },
  context: IdentityContext,
) {
  const http = httpOf(context, 'signIn');
  const { settings, store } = identity;
  const now = new Date(identity.clockMs());
  const verified = await verifySignIn(
    args.message,
    args.signature,
    {
      domain: signInDomain(identity, http.host),
      chainIds: settings.siweChainIds,
      now,
      maxAgeMs: settings.nonceTtlSeconds * 1000,
    },
    identity.contractSignatures,
  );
  // Consumed only once the signature checked out, so a forged attempt cannot burn a nonce.
  if (!(await store.consumeNonce(verified.nonce, now)))
    throw new UnauthenticatedError(
      'Sign-in refused: the nonce is unknown, used already or expired. Ask for a new nonce (signInNonce) and sign a new message.',
    );
  const user = await store.ensureUser(verified.address);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + settings.sessionTtlSeconds * 1000);
  await store.createSession({ tokenHash: hashSecret(token), userId: user.id, expiresAt });
  http.setCookie(sessionCookie(identity.cookie, token, settings.sessionTtlSeconds));
  return {
    user: userView(user, 'session'),
    sessionExpiresAt: Math.floor(expiresAt.getTime() / 1000),
  };
}

async function signOut(identity: IdentityService, context: IdentityContext) {
  const http = httpOf(context, 'signOut');
  if (http.sessionToken !== undefined && http.sessionToken !== '')
    await identity.store.revokeSession(hashSecret(http.sessionToken), new Date(identity.clockMs()));
  http.setCookie(clearedSessionCookie(identity.cookie));
  return true;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > maxNameLength)
    throw badUserInput(`name: expected 1 to ${maxNameLength} characters`);
  return trimmed;
}

async function createApiKey(
  identity: IdentityService,
  input: { name: string; scopes: readonly ApiKeyScopeName[] },
  context: IdentityContext,
) {
  const viewer = requireSession(context, 'createApiKey');
  const name = checkName(input.name);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badUserInput('scopes: expected at least one (READ, ALERTS_WRITE)');
  const { secret, secretHash, prefix } = newApiKeySecret();
  const key = await identity.store.createApiKey({
    userId: viewer.userId,
    name,
    prefix,
    secretHash,
    scopes,
  });
  return { apiKey: apiKeyView(key), secret };
}

async function revokeApiKey(identity: IdentityService, id: string, context: IdentityContext) {
  const viewer = requireSession(context, 'revokeApiKey');
  const storeId = fromGlobalId('ApiKey', id, 'API key');
  const key = await identity.store.revokeApiKey(
    viewer.userId,
    storeId,
    new Date(identity.clockMs()),
  );
  if (key === null) throw new NotFoundError('API key');
  return { apiKey: apiKeyView(key) };
}

interface WatchInput {
  kind: WatchTargetKind;
  chainId: number;
  address: string;
  label?: string | null;
}

async function addWatchlistEntry(
  identity: IdentityService,
  input: WatchInput,
  context: IdentityContext,
) {
  const viewer = requireScope(context, 'alerts:write');
  if (!Number.isInteger(input.chainId) || input.chainId < 1)
    throw badUserInput(`chainId: expected a positive integer, got ${input.chainId}`);
  const label = input.label?.trim() || null;
  if (label !== null && label.length > maxNameLength)
    throw badUserInput(`label: expected at most ${maxNameLength} characters`);
  const entry = await identity.store.addWatchlistEntry(viewer.userId, {
    kind: input.kind,
    chainId: input.chainId,
    address: input.address.toLowerCase(),
    label,
  });
  return { entry: watchlistEntryView(entry) };
}

async function removeWatchlistEntry(
  identity: IdentityService,
  id: string,
  context: IdentityContext,
) {
  const viewer = requireScope(context, 'alerts:write');
  const storeId = fromGlobalId('WatchlistEntry', id, 'Watchlist entry');
  if (!(await identity.store.removeWatchlistEntry(viewer.userId, storeId)))
    throw new NotFoundError('Watchlist entry');
  return { removedId: id };
}

type Ctx = IdentityContext;

/** Identity's mutations. */
export function identityMutations(identity: IdentityService) {
  return {
    signInNonce: async () => {
      const nonce = newSiweNonce();
      const expiresAt = identity.clockMs() + identity.settings.nonceTtlSeconds * 1000;
      await identity.store.createNonce(nonce, new Date(expiresAt));
      return { nonce, expiresAt: Math.floor(expiresAt / 1000) };
    },
    signIn: (_: unknown, args: { message: string; signature: string }, context: Ctx) =>
      signIn(identity, args, context),
    signOut: (_: unknown, _args: unknown, context: Ctx) => signOut(identity, context),
    createApiKey: (
      _: unknown,
      args: { input: { name: string; scopes: readonly ApiKeyScopeName[] } },
      context: Ctx,
    ) => createApiKey(identity, args.input, context),
    revokeApiKey: (_: unknown, args: { id: string }, context: Ctx) =>
      revokeApiKey(identity, args.id, context),
    addWatchlistEntry: (_: unknown, args: { input: WatchInput }, context: Ctx) =>
      addWatchlistEntry(identity, args.input, context),
    removeWatchlistEntry: (_: unknown, args: { id: string }, context: Ctx) =>
      removeWatchlistEntry(identity, args.id, context),
  };
}
