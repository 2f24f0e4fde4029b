import { failureLine } from '@tidemark/runtime/failure-line';
import { getWebConfig } from './server-config';

/**
 * A bad configuration stops the server at startup with the one line every Tidemark process prints
 * (`tidemark: configuration error: <setting>: <reason>`), so a supervisor sees the crash instead
 * of a server that answers every request with an error.
 */
export function checkConfigAtStartup(): void {
  try {
    getWebConfig();
  } catch (error) {
    process.stderr.write(`${failureLine(error)}\n`);
    process.exit(1);
  }
}
