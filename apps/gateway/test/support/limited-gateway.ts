import { createGateway, parseGatewayConfig, type Gateway } from '../../src/index';
import type { Harness } from './harness';

export interface LimitedGateway {
  gateway: Gateway;
  /** Moves the rate limiter's clock on; nothing waits. */
  advance: (ms: number) => void;
}

/**
 * A gateway of its own (so its own rate-limit buckets) on the harness's stores, with a tiny
 * budget (`burst` units at once, `costPerSecond` more per second) and a clock the test moves.
 */
export async function startLimitedGateway(
  harness: Harness,
  options: { costPerSecond?: number; burst?: number; trustedProxies?: number } = {},
): Promise<LimitedGateway> {
  const { costPerSecond = 10, burst = 100, trustedProxies = 0 } = options;
  let nowMs = 1_000_000;
  const gateway = await createGateway({
    config: {
      ...parseGatewayConfig({ GATEWAY_PORT: '0' }),
      rateLimit: { costPerSecond, burst },
      trustedProxies,
    },
    oltp: harness.oltp,
    olap: harness.olap,
    analytics: harness.analytics,
    bus: harness.bus,
    logger: harness.logger,
    clockMs: () => nowMs,
  });
  return {
    gateway,
    advance: (ms) => {
      nowMs += ms;
    },
  };
}
