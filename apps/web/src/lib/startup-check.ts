import { getWebConfig } from './server-config';

/**
 * A bad configuration stops the server at startup with one structured line, so a supervisor sees
 * the crash instead of a server that answers every request with an error.
 */
export function checkConfigAtStartup(): void {
  try {
    getWebConfig();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const entry = {
      level: 'fatal',
      service: 'web',
      event: 'config.invalid',
      message,
      retryable: false,
    };
    process.stderr.write(`${JSON.stringify(entry)}\n`);
    process.exit(1);
  }
}
