import {
  ClickHouseLogLevel,
  type ErrorLogParams,
  type LogParams,
  type Logger,
  type WarnLogParams,
} from '@clickhouse/client';
import type { StoreLogger } from '../config';

type LogOptions = { LoggerClass: new () => Logger; level: ClickHouseLogLevel };

/** Routes @clickhouse/client's own log lines into our structured logger instead of the console. */
export function clientLogOptions(logger: StoreLogger): LogOptions {
  const fields = ({ module, message, args }: LogParams) => ({
    event: 'clickhouse.client_log',
    module,
    message,
    ...args,
  });
  class StoreClientLogger implements Logger {
    trace(params: LogParams) {
      logger.trace(fields(params));
    }
    debug(params: LogParams) {
      logger.debug(fields(params));
    }
    info(params: LogParams) {
      logger.info(fields(params));
    }
    warn(params: WarnLogParams) {
      logger.warn({ ...fields(params), error: params.err?.message });
    }
    error(params: ErrorLogParams) {
      logger.error({ ...fields(params), error: params.err.message });
    }
  }
  return { LoggerClass: StoreClientLogger, level: ClickHouseLogLevel.WARN };
}
