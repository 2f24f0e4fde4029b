import { randomBytes } from 'node:crypto';
import { isAddress, verifyMessage, type Hex } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import { badUserInput } from '../graphql/errors';
import { UnauthenticatedError } from './errors';

/** A message longer than this is not a sign-in message (EIP-4361 messages are a few hundred bytes). */
const maxMessageLength = 4096;
/** Clocks of wallets and servers differ a little; an issuedAt this far ahead still passes. */
const clockSkewMs = 60_000;

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

/** Parses the message; a malformed one is the caller's to fix (BAD_USER_INPUT). */
function parse(message: string, signature: string) {
  if (message.length > maxMessageLength)
    throw badUserInput(`message: longer than ${maxMessageLength} characters`);
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature))
    throw badUserInput('signature: expected a 65-byte hex signature (0x + 130 hex digits)');
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

/**
 * Parses and validates an EIP-4361 message and verifies its signature by the named account
 * (an EOA: ECDSA recovery). The nonce is the caller's to consume afterwards, so a bad signature
 * does not burn a user's nonce.
 */
export async function verifySignIn(
  message: string,
  signature: string,
  expect: SignInExpectations,
): Promise<VerifiedSignIn> {
  const fields = parse(message, signature);
  checkClaims(fields, expect);
  const valid = await verifyMessage({
    address: fields.address,
    message,
    signature: signature as Hex,
  }).catch(() => false);
  if (!valid) throw refuse(`the signature is not ${fields.address}'s signature of this message`);
  return { address: fields.address.toLowerCase(), nonce: fields.nonce };
}
