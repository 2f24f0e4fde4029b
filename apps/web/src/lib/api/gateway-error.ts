export interface GatewayErrorDetails {
  cause?: unknown;
  /** The first GraphQL error's `extensions.code` (e.g. UNAUTHENTICATED), when the gateway sent one. */
  code?: string;
  /** The gateway's own error message(s), without our prefix: what a person should read. */
  gatewayMessage?: string;
}

/** A failed call to the gateway; `retryable` says whether asking again can help. */
export class GatewayError extends Error {
  readonly retryable: boolean;
  readonly code: string | undefined;
  readonly gatewayMessage: string | undefined;

  constructor(message: string, retryable: boolean, details: GatewayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GatewayError';
    this.retryable = retryable;
    this.code = details.code;
    this.gatewayMessage = details.gatewayMessage;
  }
}
