import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * Errors of a well-formed request that GraphQL itself reports: the document does not parse or
 * validate, variables do not coerce, or the operation name matches nothing. Our formatError
 * reports a rejected input literal as BAD_USER_INPUT, the same mistake as a bad variable.
 */
const graphqlRequestErrorCodes: ReadonlySet<unknown> = new Set([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

function errorCode(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const extensions = (error as { extensions?: unknown }).extensions;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  return (extensions as { code?: unknown }).code;
}

function onlyRequestErrors(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || 'data' in parsed) return false;
  const errors = (parsed as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return false;
  return errors.every((error) => graphqlRequestErrorCodes.has(errorCode(error)));
}

/**
 * The status of a GraphQL response. Apollo answers 400 to request errors whatever the media
 * type; GraphQL over HTTP says an `application/json` response uses 200 for them (clients of
 * that legacy type read errors from the body, and intermediaries may hide 4xx bodies), while
 * `application/graphql-response+json` keeps the 4xx. Malformed HTTP requests (BAD_REQUEST)
 * keep their 4xx under both.
 */
export function graphqlResponseStatus(
  status: number,
  contentType: string | undefined,
  body: string,
): number {
  if (status !== 400) return status;
  if (!(contentType ?? '').toLowerCase().startsWith('application/json')) return status;
  return onlyRequestErrors(body) ? 200 : status;
}
