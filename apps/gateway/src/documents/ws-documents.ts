import type { GraphQLError } from 'graphql';
import { DocumentRefusedError } from './document-errors';
import type { DocumentResolver } from './resolve-document';

/** A graphql-ws `subscribe` payload (graphql-ws requires `query` to be a string, maybe empty). */
export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  /** Not in graphql-ws's type, but a client may send it as over HTTP. */
  documentId?: unknown;
}

/**
 * For graphql-ws's `onSubscribe`: the payload with its document's text (from `documentId` or
 * `extensions.persistedQuery.sha256Hash` when it names one), or the refusal as the operation's
 * errors (the connection stays open). Call it before parsing; `maySendAnyDocument` as over HTTP.
 */
export function resolveSubscribePayload(
  resolver: DocumentResolver,
  payload: SubscribePayload,
  maySendAnyDocument: boolean,
): SubscribePayload | readonly GraphQLError[] {
  try {
    const resolved = resolver.resolve(payload, maySendAnyDocument);
    const { documentId: _id, ...rest } = payload;
    return {
      ...rest,
      query: resolved.query ?? payload.query,
      extensions: resolved.extensions ?? null,
    };
  } catch (err) {
    if (err instanceof DocumentRefusedError) return [err];
    throw err;
  }
}
