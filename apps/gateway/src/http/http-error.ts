/**
 * A request the gateway refuses before running it (wrong method, media type, charset, size or
 * malformed JSON). Sending the same request again cannot help.
 */
export class HttpRequestError extends Error {
  readonly retryable = false;
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}
