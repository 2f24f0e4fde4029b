import { createHash } from 'node:crypto';

/** How a document id is written on the wire: `sha256:` and 64 lower-case hex digits. */
export const documentIdPrefix = 'sha256:';

const hex64 = /^[0-9a-f]{64}$/;

/** The bare hex sha256 of a document's exact text (what the manifest is keyed by). */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The id clients send for a document: `sha256:<hex>`. */
export function documentId(text: string): string {
  return `${documentIdPrefix}${documentHash(text)}`;
}

/**
 * The bare lower-case hex of an id given as `sha256:<hex>` or bare hex, or undefined when it is
 * neither (so the caller can say what was wrong).
 */
export function parseDocumentId(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  const hex = lower.startsWith(documentIdPrefix) ? lower.slice(documentIdPrefix.length) : lower;
  return hex64.test(hex) ? hex : undefined;
}
