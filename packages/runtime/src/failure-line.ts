import { ConfigError } from './config-error';

/** The one stderr line for an error that ends a process: no stack trace, the cause named. */
export function failureLine(error: unknown): string {
  if (error instanceof ConfigError)
    return `tidemark: configuration error: ${error.message.replace(/\s*\n\s*/g, ' ')}`;
  const text = error instanceof Error ? error.message : String(error);
  return `tidemark: ${text.split('\n')[0] ?? text}`;
}
