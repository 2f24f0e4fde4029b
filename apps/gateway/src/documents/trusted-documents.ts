import { createRequire } from 'node:module';
import { z } from 'zod';
import { documentHash } from './document-id';

/** The documents the gateway trusts, by the bare hex sha256 of their text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** The manifest file's shape: hex sha256 -> document text. */
const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1));

/** The manifest is broken: regenerating it fixes that, retrying the same start-up does not. */
class TrustedDocumentsError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'TrustedDocumentsError';
  }
}

/** Checks a manifest (every key must be the sha256 of its text) and indexes it. */
export function parseTrustedDocuments(json: unknown, source: string): TrustedDocuments {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrustedDocumentsError(
      `${source}: expected an object of sha256 hex -> document text (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
    );
  }
  for (const [hash, text] of Object.entries(parsed.data)) {
    if (documentHash(text) !== hash) {
      throw new TrustedDocumentsError(
        `${source}: the entry ${hash} is not the sha256 of its text; regenerate the manifest with npm run documents:generate -w @tidemark/gateway`,
      );
    }
  }
  return new Map(Object.entries(parsed.data));
}

/** The dashboard's operations, as generated into @tidemark/schema (see scripts/trusted-documents.ts). */
const trustedDocumentsModule = '@tidemark/schema/trusted-documents.json';

/** Loads the manifest shipped with @tidemark/schema. */
export function loadTrustedDocuments(): TrustedDocuments {
  const require = createRequire(import.meta.url);
  return parseTrustedDocuments(require(trustedDocumentsModule) as unknown, trustedDocumentsModule);
}
