/** A bad configuration value. Retrying cannot help: the setting has to change. */
export class ConfigError extends Error {
  readonly retryable = false;
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}
