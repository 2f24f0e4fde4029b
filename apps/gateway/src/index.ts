export { createGateway, type Gateway, type GatewayDeps } from './gateway';
export {
  parseGatewayConfig,
  GatewayConfigError,
  defaultCorsOrigins,
  type GatewayConfig,
} from './config';
export { slowSubscriberCloseCode } from './live/ws-server';
