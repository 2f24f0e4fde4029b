import pino, { type Logger } from 'pino';

export type StoreLogger = Logger;

export interface OltpStoreConfig {
  /** A PostgreSQL URL (DATABASE_URL); unset means embedded PGlite in `${dataDir}/pglite`. */
  databaseUrl?: string;
  /** The data dir for embedded stores (TIDEMARK_DATA_DIR). */
  dataDir: string;
  logger?: StoreLogger;
}

export interface OlapStoreConfig {
  /** A ClickHouse HTTP URL (CLICKHOUSE_URL); unset means embedded chDB in `${dataDir}/chdb`. */
  clickhouseUrl?: string;
  /** The data dir for embedded stores (TIDEMARK_DATA_DIR). */
  dataDir: string;
  logger?: StoreLogger;
}

/** Apps pass their own logger; a library stays quiet without one. */
export function storeLogger(logger: StoreLogger | undefined, store: string): StoreLogger {
  return (logger ?? pino({ enabled: false })).child({ store });
}
