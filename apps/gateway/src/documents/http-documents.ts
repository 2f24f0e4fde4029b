import type { IncomingMessage } from 'node:http';
import type { DocumentResolver, DocumentRequest } from './resolve-document';

/** What the HTTP handler needs to turn document ids into texts and apply the policy. */
export interface HttpDocuments {
  resolver: DocumentResolver;
  /**
   * Whether this request may run documents outside the manifest (see caller.ts); may be async,
   * e.g. `async (request) => maySendAnyDocument(await authenticator.fromRequest(request))`.
   */
  maySendAnyDocument(request: IncomingMessage): boolean | Promise<boolean>;
}

export interface HttpGraphQLInput {
  method: string;
  /** The parsed JSON body of a POST (anything else is left to Apollo to refuse). */
  body: unknown;
  /** The URL's query string, with its leading `?` (a GET carries the operation there). */
  search: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Apollo answers a GET whose extensions are not JSON with its own 400.
    return text;
  }
}

function resolvePost(documents: HttpDocuments, input: HttpGraphQLInput, mayRunAny: boolean) {
  if (!isRecord(input.body)) return input;
  const { documentId: _id, ...rest } = input.body;
  const resolved = documents.resolver.resolve(input.body, mayRunAny);
  const body: Record<string, unknown> = { ...rest };
  if (resolved.query !== undefined) body.query = resolved.query;
  if (isRecord(input.body.extensions)) body.extensions = resolved.extensions;
  if (body.extensions === undefined) delete body.extensions;
  return { ...input, body };
}

function resolveGet(documents: HttpDocuments, input: HttpGraphQLInput, mayRunAny: boolean) {
  const params = new URLSearchParams(input.search);
  const extensions = parseJson(params.get('extensions'));
  const request: DocumentRequest = {
    query: params.get('query') ?? undefined,
    documentId: params.get('documentId') ?? undefined,
    extensions,
  };
  const resolved = documents.resolver.resolve(request, mayRunAny);
  params.delete('documentId');
  if (resolved.query !== undefined) params.set('query', resolved.query);
  if (isRecord(extensions)) {
    if (resolved.extensions === undefined) params.delete('extensions');
    else params.set('extensions', JSON.stringify(resolved.extensions));
  }
  const search = params.toString();
  return { ...input, search: search === '' ? '' : `?${search}` };
}

/**
 * The request as Apollo should see it: a document named by id carries its text, Apollo's
 * persistedQuery extension is consumed (Apollo's own registry never sees one). Throws
 * DocumentRefusedError when the document must not run.
 */
export async function resolveHttpDocument(
  documents: HttpDocuments,
  request: IncomingMessage,
  input: HttpGraphQLInput,
): Promise<HttpGraphQLInput> {
  const mayRunAny = await documents.maySendAnyDocument(request);
  return input.method === 'GET'
    ? resolveGet(documents, input, mayRunAny)
    : resolvePost(documents, input, mayRunAny);
}
