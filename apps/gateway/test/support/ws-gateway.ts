import {
  createGateway,
  parseGatewayConfig,
  type Gateway,
  type GatewayConfig,
  type GatewayDeps,
} from '../../src/index';
import type { Harness } from './harness';

/**
 * A further gateway on the harness's stores with dependencies the harness does not set (an
 * authenticator, another bus); the caller stops it.
 */
export function startGatewayWith(
  harness: Harness,
  deps: Partial<Omit<GatewayDeps, 'config'>> & { config?: Partial<GatewayConfig> },
): Promise<Gateway> {
  const { config, ...rest } = deps;
  return createGateway({
    oltp: harness.oltp,
    olap: harness.olap,
    analytics: harness.analytics,
    bus: harness.bus,
    logger: harness.logger,
    ...rest,
    config: { ...parseGatewayConfig({ GATEWAY_PORT: '0' }), ...config },
  });
}
