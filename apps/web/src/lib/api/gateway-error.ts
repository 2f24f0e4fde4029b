/** A failed call to the gateway; `retryable` says whether asking again can help. */
export class GatewayError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayError';
    this.retryable = retryable;
  }
}
