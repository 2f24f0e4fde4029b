import pino, { type DestinationStream, type Logger } from 'pino';

/** A JSON logger whose every line carries the service name (stable keys: service, event, chainId). */
export function createLogger(
  service: string,
  level: string,
  destination?: DestinationStream,
): Logger {
  const options = { base: { service }, level, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
