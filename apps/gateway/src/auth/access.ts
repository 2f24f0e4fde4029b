import { ForbiddenError, UnauthenticatedError } from './errors';
import type { ApiKeyScope, Viewer } from './viewer';

/**
 * What a GraphQL operation over HTTP knows about its caller, beyond the viewer: plain values the
 * HTTP adapter (http-auth.ts) reads from the request, so the policy here needs no HTTP type.
 */
export interface HttpIdentity {
  /** The Host header: the EIP-4361 domain when none is configured. */
  host: string | undefined;
  /** The session cookie's token, when the request carried one. */
  sessionToken: string | undefined;
  /** Adds a Set-Cookie header to the response (sign-in, sign-out). */
  setCookie(value: string): void;
}

/** What identity resolvers read from the operation's context (HTTP or graphql-ws). */
export interface IdentityContext {
  /** Absent where no authenticator ran: treated as anonymous. */
  viewer?: Viewer;
  /** Only over HTTP: sign-in and sign-out set cookies. */
  http?: HttpIdentity;
}

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>;

/** The signed-in caller, or UNAUTHENTICATED. */
function requireUser(context: IdentityContext): SignedInViewer {
  const viewer = context.viewer;
  if (viewer === undefined || viewer.kind === 'anonymous')
    throw new UnauthenticatedError(
      'Not signed in: sign in with your wallet (signInNonce, then signIn) or send an API key as "Authorization: Bearer tmk_…".',
    );
  return viewer;
}

/** A caller signed in with a wallet session; API keys cannot manage API keys (FORBIDDEN). */
export function requireSession(context: IdentityContext, action: string): SignedInViewer {
  const viewer = requireUser(context);
  if (viewer.via !== 'session')
    throw new ForbiddenError(`${action} needs a wallet session (signIn); an API key cannot do it.`);
  return viewer;
}

/** A signed-in caller whose credential allows `scope`: sessions allow every scope. */
export function requireScope(context: IdentityContext, scope: ApiKeyScope): SignedInViewer {
  const viewer = requireUser(context);
  assertScope(viewer, scope);
  return viewer;
}

/** FORBIDDEN when the caller's API key lacks `scope`; anonymous callers and sessions pass. */
export function assertScope(viewer: Viewer | undefined, scope: ApiKeyScope): void {
  if (viewer?.kind !== 'user' || viewer.via !== 'apiKey' || viewer.scopes.includes(scope)) return;
  const name = scope === 'read' ? 'READ' : 'ALERTS_WRITE';
  throw new ForbiddenError(
    `This API key lacks the ${name} scope: create a key with it (createApiKey) to do this.`,
  );
}

/**
 * Reading data (queries, and subscriptions over graphql-ws) needs READ on an API key; mutations
 * check their own scope in their resolvers. The refusal, or undefined when the operation may run.
 */
export function readScopeRefusal(
  operation: 'query' | 'mutation' | 'subscription',
  viewer: Viewer | undefined,
): ForbiddenError | undefined {
  if (operation === 'mutation') return undefined;
  try {
    assertScope(viewer, 'read');
    return undefined;
  } catch (err) {
    if (err instanceof ForbiddenError) return err;
    throw err;
  }
}
