import type { IdentityStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import { createIdentityAuthenticator, type Authenticator } from './http-authenticator';
import {
  createContractSignatureVerifier,
  type ContractSignatureVerifier,
} from './contract-signatures';
import type { SessionCookieOptions } from './cookies';
import type { HttpAuth } from './http-auth';
import type { IdentitySettings } from './identity-settings';

/** Identity as the gateway's layers see it: the store, its settings and the authenticator. */
export interface IdentityService {
  store: IdentityStore;
  settings: IdentitySettings;
  cookie: SessionCookieOptions;
  authenticator: Authenticator;
  httpAuth: HttpAuth;
  /** Checks smart-contract wallets' sign-in signatures on the chains of GATEWAY_SIWE_RPC_URLS. */
  contractSignatures: ContractSignatureVerifier;
  /** Milliseconds: nonce and session expiry, lastUsedAt. */
  clockMs(): number;
}

export function createIdentityService(deps: {
  store: IdentityStore;
  settings: IdentitySettings;
  clockMs: () => number;
  logger: Logger;
  /** Production warns when sign-in messages are checked against the Host header. */
  production: boolean;
  /** Browser origins whose WebSocket connections may use the session cookie (CORS's list). */
  browserOrigins: readonly string[];
}): IdentityService {
  const { store, settings, clockMs, logger } = deps;
  if (deps.production && settings.siweDomain === undefined)
    // A client relaying a signature made for another site can send that site's name as Host.
    logger.warn(
      { event: 'identity.siwe_domain_unset' },
      'GATEWAY_SIWE_DOMAIN is not set: sign-in messages are checked against the Host header; set it to the domain users sign in at',
    );
  const cookie = { name: settings.cookieName, secure: settings.cookieSecure };
  const authenticator = createIdentityAuthenticator({
    store,
    cookie,
    clockMs,
    logger,
    browserOrigins: deps.browserOrigins,
  });
  return {
    store,
    settings,
    cookie,
    authenticator,
    httpAuth: { authenticator, cookieName: cookie.name },
    contractSignatures: createContractSignatureVerifier(settings.siweRpcUrls),
    clockMs,
  };
}
