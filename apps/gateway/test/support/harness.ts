import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createInProcessBus } from '@tidemark/bus';
import { eventually as pollUntil } from '@tidemark/testkit';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import type { AnalyticsOlapStore, EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import {
  createGateway,
  parseGatewayConfig,
  type Gateway,
  type GatewayConfig,
} from '../../src/index';

type LogLine = Record<string, unknown>;

export interface Harness {
  dataDir: string;
  oltp: OltpStore;
  olap: OlapStore;
  analytics: AnalyticsOlapStore;
  bus: EventBus;
  gateway: Gateway;
  /** Sets the gateway's clock (Unix seconds); until set, it is the system clock. */
  setNow(now: number): void;
  logs: LogLine[];
  logger: pino.Logger;
  startGateway(config?: Partial<GatewayConfig>): Promise<Gateway>;
  close(): Promise<void>;
}

/** Real stores (PGlite and chDB in a fresh temp dir), the in-process bus and a gateway on a free port. */
export async function startHarness(name: string): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), `tidemark-gateway-${name}-`));
  const logs: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as LogLine) },
  );
  const oltp = await createOltpStore({ dataDir, logger });
  const olap = await createOlapStore({ dataDir, logger });
  const analytics = await createAnalyticsOlapStore({ dataDir, logger });
  let now: number | undefined;
  const clock = () => now ?? Math.floor(Date.now() / 1000);
  const bus = createInProcessBus({ logger });
  const gateways: Gateway[] = [];
  const startGateway = async (config: Partial<GatewayConfig> = {}) => {
    const base = parseGatewayConfig({ GATEWAY_PORT: '0' });
    const gateway = await createGateway({
      config: { ...base, ...config },
      oltp,
      olap,
      analytics,
      bus,
      logger,
      clock,
    });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = await startGateway();
  return {
    dataDir,
    oltp,
    olap,
    analytics,
    bus,
    gateway,
    setNow: (value) => {
      now = value;
    },
    logs,
    logger,
    startGateway,
    async close() {
      await Promise.all(gateways.map((item) => item.stop()));
      await bus.close();
      await Promise.all([oltp.close(), olap.close(), analytics.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; errorId?: string } }[];
}

/** One GraphQL request over real HTTP. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Polls `condition` until it holds; fails with `what` after the deadline. */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  await pollUntil(what, condition, { timeoutMs, intervalMs: 20 });
}
