import { randomBytes } from 'node:crypto';
import { isAddress, verifyMessage, type Hex } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import { badUserInput } from '../graphql/server/errors';
import type { ContractSignatureVerifier } from './contract-signatures';
import { UnauthenticatedError } from './errors';

/** A message longer than this is not a sign-in message (EIP-4361 messages are a few hundred bytes). */
const maxMessageLength = 4096;
/** Clocks of wallets and servers differ a little; an issuedAt this far ahead still passes. */
const clockSkewMs = 60_000;
/**
 * Contract wallets' signatures have no fixed length (ERC-6492 wraps one with a factory call);
 * 8 KiB is far above real ones and bounds what is sent to a node.
 */
export const maxSignatureBytes = 8192;
/** An EOA's signature: r, s and v. */
const ecdsaSignatureHexLength = 2 + 65 * 2;

/** A fresh EIP-4361 nonce: 128 random bits as 32 hex characters (alphanumeric, as the EIP asks). */
export const newSiweNonce = (): string => randomBytes(16).toString('hex');

export interface SignInExpectations {
  /** The `domain` the message must name (the configured one, or the request's Host). */
  domain: string;
  /** Chain ids the message may name; empty: any. */
  chainIds: readonly number[];
  now: Date;
  /** An older issuedAt is refused: no nonce lives longer. */
  maxAgeMs: number;
}

export interface VerifiedSignIn {
  /** Lower case. */
  address: string;
  nonce: string;
}

const refuse = (why: string) =>
  new UnauthenticatedError(`Sign-in refused: ${why}. Ask for a new nonce and sign a new message.`);

const time = (value: Date | undefined) =>
  value === undefined || Number.isNaN(value.getTime()) ? undefined : value.getTime();

/** A signature is hex bytes: 0x, an even number of hex digits, at most maxSignatureBytes. */
export function checkSignatureFormat(signature: string): asserts signature is Hex {
  const tooLong = signature.length > 2 + maxSignatureBytes * 2;
  if (tooLong || !/^0x(?:[0-9a-fA-F]{2})+$/.test(signature))
    throw badUserInput(
      `signature: expected hex bytes (0x and an even number of hex digits, at most ${maxSignatureBytes} bytes; an account's signature is 65 bytes)`,
    );
}

/** Parses the message; a malformed one is the caller's to fix (BAD_USER_INPUT). */
function parse(message: string, signature: string) {
  if (message.length > maxMessageLength)
    throw badUserInput(`message: longer than ${maxMessageLength} characters`);
  checkSignatureFormat(signature);
  const fields = parseSiweMessage(message);
  const required = ['domain', 'address', 'uri', 'version', 'chainId', 'nonce'] as const;
  const missing: string[] = required.filter((name) => fields[name] === undefined);
  if (time(fields.issuedAt) === undefined) missing.push('issuedAt');
  if (missing.length > 0)
    throw badUserInput(
      `message: not an EIP-4361 sign-in message (missing or malformed: ${missing.join(', ')})`,
    );
  if (!isAddress(fields.address!))
    throw badUserInput('message: the address is not a valid (EIP-55 checksummed) address');
  return fields as Required<Pick<typeof fields, 'domain' | 'address' | 'chainId' | 'nonce'>> &
    typeof fields;
}

/** Checks what the message says against what this gateway expects, at `now`. */
function checkClaims(fields: ReturnType<typeof parse>, expect: SignInExpectations): void {
  const now = expect.now.getTime();
  if (fields.domain.toLowerCase() !== expect.domain.toLowerCase())
    throw refuse(`the message is for ${fields.domain}, this API is ${expect.domain}`);
  if (expect.chainIds.length > 0 && !expect.chainIds.includes(fields.chainId))
    throw refuse(`chain id ${fields.chainId} is not one of ${expect.chainIds.join(', ')}`);
  const issuedAt = time(fields.issuedAt)!;
  if (issuedAt > now + clockSkewMs) throw refuse('issuedAt is in the future');
  if (issuedAt < now - expect.maxAgeMs) throw refuse('issuedAt is older than any valid nonce');
  const expiration = time(fields.expirationTime);
  if (fields.expirationTime !== undefined && (expiration === undefined || expiration <= now))
    throw refuse('the message has expired (expirationTime)');
  const notBefore = time(fields.notBefore);
  if (fields.notBefore !== undefined && (notBefore === undefined || notBefore > now))
    throw refuse('the message is not valid yet (notBefore)');
}

/** No chain to ask: only externally owned accounts can sign in. */
const noContractSignatures: ContractSignatureVerifier = {
  supports: () => false,
  verify: () => Promise.resolve(false),
};

/** ECDSA recovery, offline: the fast path, and the only one for an EOA. */
const isAccountSignature = (address: Hex, message: string, signature: Hex) =>
  signature.length === ecdsaSignatureHexLength &&
  verifyMessage({ address, message, signature }).catch(() => false);

/**
 * Verifies the signature by the message's address: as an EOA's (ECDSA recovery, no RPC), else,
 * where the message's chain has an RPC URL, as a contract wallet's (EIP-1271, ERC-6492). A node
 * that cannot answer throws SignatureCheckUnavailableError (retryable), not a refusal.
 */
async function checkSignature(
  fields: ReturnType<typeof parse>,
  message: string,
  signature: Hex,
  contracts: ContractSignatureVerifier,
): Promise<void> {
  const { address, chainId } = fields;
  if (await isAccountSignature(address, message, signature)) return;
  const notTheirs = `the signature is not ${address}'s signature of this message`;
  if (!contracts.supports(chainId))
    throw refuse(
      `${notTheirs} (checked as an account's; a smart-contract wallet's signature is checked only on chains with an RPC URL in GATEWAY_SIWE_RPC_URLS, and chain ${chainId} has none)`,
    );
  if (!(await contracts.verify({ chainId, address, message, signature })))
    throw refuse(
      `${notTheirs} (checked as an account's, and as a smart-contract wallet's on chain ${chainId}: EIP-1271, ERC-6492)`,
    );
}

/**
 * Parses and validates an EIP-4361 message and verifies its signature by the named account
 * (an EOA, or a smart-contract wallet on a chain `contracts` can ask). The nonce is the caller's
 * to consume afterwards, so a bad signature or a node down does not burn a user's nonce.
 */
export async function verifySignIn(
  message: string,
  signature: string,
  expect: SignInExpectations,
  contracts: ContractSignatureVerifier = noContractSignatures,
): Promise<VerifiedSignIn> {
  const fields = parse(message, signature);
  checkClaims(fields, expect);
  await checkSignature(fields, message, signature as Hex, contracts);
  return { address: fields.address.toLowerCase(), nonce: fields.nonce };
}
