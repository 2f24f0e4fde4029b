import { pino, type Logger } from 'pino';

/** Used when a caller passes no logger of its own. */
export const defaultLogger: Logger = pino({ base: { service: 'devnet' } });
