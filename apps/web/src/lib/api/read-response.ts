import type { z } from 'zod';
import { GatewayError } from './gateway-error';

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown };
}

function errorMessages(errors: unknown): string | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors
    .map((error: GraphQLErrorBody) =>
      typeof error.message === 'string' ? error.message : 'unknown error',
    )
    .join('; ');
}

function firstCode(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const code = (errors[0] as GraphQLErrorBody | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a GraphQL-over-HTTP response into typed data or a GatewayError. Server-side failures and
 * rate limits may pass with time (retryable); a rejected or malformed operation will not.
 */
export function readGraphQLResponse<T>(status: number, body: unknown, schema: z.ZodType<T>): T {
  const retryable = status >= 500 || status === 429;
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const messages = errorMessages(envelope.errors);
  if (messages !== null)
    throw new GatewayError(`gateway error: ${messages}`, retryable, {
      code: firstCode(envelope.errors),
      gatewayMessage: messages,
    });
  if (status < 200 || status >= 300)
    throw new GatewayError(`gateway answered HTTP ${status}`, retryable);
  const parsed = schema.safeParse(envelope.data);
  if (!parsed.success) {
    throw new GatewayError(
      `unexpected response shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      false,
    );
  }
  return parsed.data;
}
