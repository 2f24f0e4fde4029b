export { createGateway, type Gateway, type GatewayDeps } from './gateway';
export {
  parseGatewayConfig,
  GatewayConfigError,
  defaultCorsOrigins,
  type GatewayConfig,
  type GatewayEnvironment,
  type QueryLimits,
} from './config';
export { slowSubscriberCloseCode } from './live/ws-server';
