import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tidemark/schema';
import { documentIdPrefix } from './document-id';

/**
 * A request's document was refused before anything ran: an id that is malformed or unknown, or
 * a text the policy does not allow. The caller must send another request; retrying cannot help.
 */
export class DocumentRefusedError extends GraphQLError {
  readonly retryable = false;
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput } });
    this.name = 'GraphQLError';
  }
}

export const malformedId = (where: string, value: unknown) =>
  new DocumentRefusedError(
    `${where} must be "${documentIdPrefix}" and 64 hex digits, or the 64 hex digits alone (got ${JSON.stringify(value)}).`,
  );

// "PersistedQueryNotFound" first: Apollo-style persisted-query clients look for it to resend the
// text, which a gateway in `any` mode then runs.
export const unknownId = (hex: string) =>
  new DocumentRefusedError(
    `PersistedQueryNotFound: no trusted document has the id ${documentIdPrefix}${hex}. The gateway runs only the ids of its manifest and never guesses: send the query text instead, or regenerate the manifest if this is one of the dashboard's own operations.`,
  );

export const idMismatch = (hex: string) =>
  new DocumentRefusedError(
    `The query text sent with the id ${documentIdPrefix}${hex} does not hash to it: send the text whose sha256 is the id, or one of the two alone.`,
  );

export const conflictingIds = () =>
  new DocumentRefusedError(
    'documentId and extensions.persistedQuery.sha256Hash name different documents: send one id.',
  );

export const untrustedText = () =>
  new DocumentRefusedError(
    "This gateway runs only trusted documents (GATEWAY_DOCUMENTS=trusted): send the documentId of one of the dashboard's operations, or authenticate with an API key (Authorization: Bearer <key>) to send your own query.",
  );

export const unsupportedVersion = (version: unknown) =>
  new DocumentRefusedError(
    `extensions.persistedQuery.version must be 1 (got ${JSON.stringify(version)}).`,
  );
