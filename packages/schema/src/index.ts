export * from './events/primitives';
export * from './events/canonical-events';
export * from './events/parse-event';
export * from './events/analytics-updates';
export { typeDefs } from './graphql/type-defs';
export { ErrorCode } from './errors';
