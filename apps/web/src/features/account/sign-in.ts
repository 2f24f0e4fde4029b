import { getAddress } from 'viem';
import { createSiweMessage } from 'viem/siwe';
import { SIGN_IN_MUTATION, SIGN_IN_NONCE_MUTATION, SIGN_OUT_MUTATION } from './documents';
import type {
  SignInMutationVariables,
  SignInNonceMutation,
} from '../../lib/api/generated/operations';
import { queryGateway } from '../../lib/api/http-client';
import { signInDataSchema, signInNonceDataSchema, signOutDataSchema } from './schemas';
import { fetchViewer, type SignedInUser } from './account-api';
import {
  describeWalletError,
  firstAccount,
  parseChainId,
  readSignature,
  utf8ToHex,
  type Eip1193Provider,
} from './eip1193';

export interface SignInOptions {
  provider: Eip1193Provider;
  gatewayUrl: string;
  /** The EIP-4361 domain the gateway expects (see WebConfig.siweDomain). */
  siweDomain: string;
  now?: () => Date;
}

const COOKIE_NOT_KEPT =
  'The gateway accepted the signature, but this browser did not keep its session cookie: open the dashboard on the same site as the gateway (for example both on 127.0.0.1, not localhost and 127.0.0.1).';

const SIGN_IN_STATEMENT =
  'Sign in to Tidemark. This proves you own the account; it sends no transaction and costs no gas.';

/** One wallet call; its failure becomes a WalletError a person can act on. */
async function ask(provider: Eip1193Provider, method: string, params?: unknown[]) {
  try {
    return await provider.request(params === undefined ? { method } : { method, params });
  } catch (error) {
    throw describeWalletError(error);
  }
}

async function newNonce(gatewayUrl: string): Promise<SignInNonceMutation['signInNonce']> {
  const data = await queryGateway({
    url: gatewayUrl,
    query: SIGN_IN_NONCE_MUTATION,
    schema: signInNonceDataSchema,
    withSession: true,
  });
  return data.signInNonce;
}

/**
 * Sign-In with Ethereum: the wallet shares its account and chain, the gateway issues a nonce, the
 * wallet signs the EIP-4361 message (personal_sign) and the gateway checks it and sets the
 * httpOnly session cookie on this browser, which is then confirmed by asking who the viewer is.
 * Throws WalletError, GatewayError, or an Error when the browser did not keep the cookie.
 */
export async function signInWithWallet(options: SignInOptions): Promise<SignedInUser> {
  const { provider, gatewayUrl } = options;
  const address = firstAccount(await ask(provider, 'eth_requestAccounts'));
  const chainId = parseChainId(await ask(provider, 'eth_chainId'));
  const nonce = await newNonce(gatewayUrl);
  const message = createSiweMessage({
    domain: options.siweDomain,
    // EIP-4361 wants the checksummed form; wallets may report lower case.
    address: getAddress(address),
    version: '1',
    statement: SIGN_IN_STATEMENT,
    uri: new URL(gatewayUrl).origin,
    chainId,
    nonce: nonce.nonce,
    issuedAt: (options.now ?? (() => new Date()))(),
    // The nonce dies then anyway; saying so lets the wallet show how long the message is good for.
    expirationTime: new Date(nonce.expiresAt * 1000),
  });
  const signature = readSignature(
    await ask(provider, 'personal_sign', [utf8ToHex(message), address]),
  );
  const data = await queryGateway({
    url: gatewayUrl,
    query: SIGN_IN_MUTATION,
    variables: { message, signature } satisfies SignInMutationVariables,
    schema: signInDataSchema,
    withSession: true,
  });
  // The cookie is SameSite=Lax: a browser only keeps it when page and gateway share a site.
  if ((await fetchViewer(gatewayUrl)) === null) throw new Error(COOKIE_NOT_KEPT);
  return data.signIn.user;
}

/** Ends the session on the gateway, which also clears the cookie. */
export async function signOutOfGateway(gatewayUrl: string): Promise<void> {
  await queryGateway({
    url: gatewayUrl,
    query: SIGN_OUT_MUTATION,
    schema: signOutDataSchema,
    withSession: true,
  });
}
