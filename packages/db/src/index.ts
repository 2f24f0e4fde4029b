export { createOltpStore } from './postgres/create-oltp-store';
export { createOlapStore } from './clickhouse/create-olap-store';
export type { OltpStoreConfig, OlapStoreConfig, StoreLogger } from './config';
export { StoreError, StoreConfigError, StoreUnavailableError } from './errors';
