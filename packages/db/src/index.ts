export { createOltpStore } from './postgres/create-oltp-store';
export { createOlapStore } from './clickhouse/create-olap-store';
export { createAnalyticsOlapStore } from './clickhouse/analytics/create-analytics-store';
export type { OltpStoreConfig, OlapStoreConfig, StoreLogger } from './config';
export { StoreError, StoreConfigError, StoreInputError, StoreUnavailableError } from './errors';
