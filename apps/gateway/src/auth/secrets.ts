import { createHash, randomBytes } from 'node:crypto';

/** Every API key starts with this, so leaked keys are recognisable (secret scanners, logs). */
const apiKeyPrefix = 'tmk_';
/** 256 random bits each: far above the 128 bits needed against guessing. */
const secretBytes = 32;
/** Characters of a key kept in the clear to tell keys apart (`tmk_` + 4). */
const shownLength = apiKeyPrefix.length + 4;

/** A fresh random token (base64url, 43 characters). */
export const newToken = (): string => randomBytes(secretBytes).toString('base64url');

/** What the store keeps of a secret: its SHA-256, hex. High-entropy secrets need no slow hash. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

export interface NewApiKeySecret {
  /** Shown to the user once, never stored. */
  secret: string;
  secretHash: string;
  /** Kept in the clear: `tmk_` and the next 4 characters. */
  prefix: string;
}

export function newApiKeySecret(): NewApiKeySecret {
  const secret = `${apiKeyPrefix}${newToken()}`;
  return { secret, secretHash: hashSecret(secret), prefix: secret.slice(0, shownLength) };
}

/** Whether a bearer token is shaped like one of our API keys (else it cannot be one). */
export const looksLikeApiKey = (token: string): boolean => /^tmk_[A-Za-z0-9_-]{43}$/.test(token);
