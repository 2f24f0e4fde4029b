import kafkajs, { type logCreator } from 'kafkajs';
import type { Logger } from '../logger';

const { logLevel } = kafkajs;

/** Sends kafkajs's own log lines to pino (instead of its console output), as structured fields. */
export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _source, ...details } = log;
      const fields = { event: 'kafkajs.log', namespace, kafkajs: details };
      switch (level) {
        case logLevel.ERROR:
          logger.error(fields, message);
          return;
        case logLevel.WARN:
          logger.warn(fields, message);
          return;
        case logLevel.INFO:
          logger.info(fields, message);
          return;
        case logLevel.DEBUG:
          logger.debug(fields, message);
          return;
        case logLevel.NOTHING:
          return;
        default: {
          const never: never = level;
          logger.warn(fields, `unknown kafkajs log level ${String(never)}: ${message}`);
        }
      }
    };
}
