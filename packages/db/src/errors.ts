/** A store could not be opened or used. `retryable` says whether trying again can help. */
export abstract class StoreError extends Error {
  abstract readonly retryable: boolean;
}

/** The configuration is wrong (e.g. a malformed URL, a second chDB data dir): fix it, do not retry. */
export class StoreConfigError extends StoreError {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreConfigError';
  }
}

/** The store's server could not be reached or refused us; `retryable` is false when only a fix helps (e.g. bad credentials). */
export class StoreUnavailableError extends StoreError {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.retryable = options.retryable;
  }
}

/** The first line of an unknown thrown value, for one-line error messages. */
export function describeCause(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const line = text.split('\n')[0]?.trim() || 'unknown error';
  return typeof code === 'string' && !line.includes(code) ? `${code}: ${line}` : line;
}

/** The caller passed something the store cannot take (a malformed value, an out-of-range argument): retrying cannot help. */
export class StoreInputError extends StoreError {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}
