import pino from 'pino';

export type Logger = pino.Logger;

/** Used when the app passes no logger of its own; apps normally pass theirs (with `service`). */
export function defaultLogger(): Logger {
  return pino({ base: { service: 'tidemark' } });
}
