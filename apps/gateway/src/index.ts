export { createGateway, type Gateway, type GatewayDeps } from './gateway';
export {
  parseGatewayConfig,
  defaultCorsOrigins,
  type GatewayConfig,
  type GatewayEnvironment,
  type QueryLimits,
} from './config';
export { slowSubscriberCloseCode } from './live/ws-server';
