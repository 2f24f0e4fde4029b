/**
 * A bad setting (environment variable or command-line flag). Retrying cannot help: the setting has
 * to change. `runMain` prints it as `tidemark: configuration error: <setting>: <reason>`.
 */
export class ConfigError extends Error {
  readonly retryable = false;
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.name = 'ConfigError';
  }
}
