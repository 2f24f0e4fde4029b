import type { DocumentPolicy } from '../config';
import { documentHash, parseDocumentId } from './document-id';
import {
  conflictingIds,
  idMismatch,
  malformedId,
  unknownId,
  unsupportedVersion,
  untrustedText,
} from './document-errors';
import type { TrustedDocuments } from './trusted-documents';

/** `any`: every document may run; `trusted`: only the manifest's, unless the caller may send any. */
export type { DocumentPolicy };

/** What a GraphQL request (an HTTP body or query string, a graphql-ws payload) says of its document. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

interface ResolvedDocument {
  /**
   * The text to run; undefined when the request has no usable text (none, empty or not a
   * string): keep what it sent, the GraphQL server refuses it in its standard way.
   */
  query: string | undefined;
  /** The request's extensions without `persistedQuery`; undefined when nothing else is left. */
  extensions: Record<string, unknown> | undefined;
}

export interface DocumentResolver {
  readonly policy: DocumentPolicy;
  /**
   * The text a request runs. `maySendAnyDocument`: the caller may run documents outside the
   * manifest under the `trusted` policy (an integrator with an API key). Throws
   * DocumentRefusedError (BAD_USER_INPUT) when the request must not run.
   */
  resolve(request: DocumentRequest, maySendAnyDocument: boolean): ResolvedDocument;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bare hex id the request names, from `documentId` or Apollo's persistedQuery extension. */
function requestedId(request: DocumentRequest): string | undefined {
  let fromBody: string | undefined;
  if (request.documentId !== undefined && request.documentId !== null) {
    if (typeof request.documentId !== 'string') throw malformedId('documentId', request.documentId);
    fromBody = parseDocumentId(request.documentId);
    if (fromBody === undefined) throw malformedId('documentId', request.documentId);
  }
  const persisted = isRecord(request.extensions) ? request.extensions.persistedQuery : undefined;
  if (persisted === undefined || persisted === null) return fromBody;
  if (!isRecord(persisted)) throw malformedId('extensions.persistedQuery', persisted);
  if (persisted.version !== 1) throw unsupportedVersion(persisted.version);
  const hash = persisted.sha256Hash;
  const fromExtension = typeof hash === 'string' ? parseDocumentId(hash) : undefined;
  if (fromExtension === undefined) throw malformedId('extensions.persistedQuery.sha256Hash', hash);
  if (fromBody !== undefined && fromBody !== fromExtension) throw conflictingIds();
  return fromExtension;
}

function otherExtensions(extensions: unknown): Record<string, unknown> | undefined {
  if (!isRecord(extensions)) return undefined;
  const { persistedQuery: _persisted, ...rest } = extensions;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Turns a request naming a document by id into one carrying its text, and applies the policy.
 * An id is only ever looked up in the manifest: an unknown one is refused, never registered.
 * A text whose sha256 is in the manifest is the same trusted document, so it may run in either mode.
 */
export function createDocumentResolver(
  policy: DocumentPolicy,
  trusted: TrustedDocuments,
): DocumentResolver {
  const resolve = (request: DocumentRequest, maySendAnyDocument: boolean): ResolvedDocument => {
    const id = requestedId(request);
    const extensions = otherExtensions(request.extensions);
    const text =
      typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
    if (id !== undefined && text !== undefined) {
      if (documentHash(text) !== id) throw idMismatch(id);
    } else if (id !== undefined) {
      const known = trusted.get(id);
      if (known === undefined) throw unknownId(id);
      return { query: known, extensions };
    }
    if (policy === 'trusted' && text !== undefined && !maySendAnyDocument) {
      if (!trusted.has(id ?? documentHash(text))) throw untrustedText();
    }
    return { query: text, extensions };
  };
  return { policy, resolve };
}
