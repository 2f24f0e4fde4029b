export * from './event-bus';
export * from './oltp-store';
export * from './olap-store';
export * from './chain-reader';
export * from './token-metadata-reader';
export * from './analytics-state';
export * from './analytics-olap';
export * from './portfolio-olap';
