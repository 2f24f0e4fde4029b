/**
 * The gateway under test, in a process of its own: embedded stores (PGlite, chDB) in `dataDir`
 * seeded with a trade history, the in-process bus, and the real gateway on a free port.
 * The parent drives it over IPC (see gateway-child.ts): it publishes blocks of live trades on the
 * gateway's own bus, stamped with the time of publishing, and reads the process's memory.
 *
 *   node --expose-gc --import tsx gateway-process.ts '{"dataDir":"…","seedTrades":100000}'
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createInProcessBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import { Topics } from '@tidemark/domain';
import { createGateway, parseGatewayConfig } from '@tidemark/gateway';
import { benchChainId, benchTrade, historyBatches, nowMicros } from './synthetic';

export interface GatewayPlan {
  dataDir: string;
  seedTrades: number;
  /** GATEWAY_WRITE_THREADS; undefined: the gateway's default. */
  writeThreads?: number;
}

export type ToGateway =
  | { type: 'publish'; block: number; trades: number }
  | { type: 'memory' }
  | { type: 'cpu' }
  | { type: 'stop' };

export type FromGateway =
  | {
      type: 'ready';
      url: string;
      wsUrl: string;
      seedSeconds: number;
      maxOpenFiles: number;
      writeThreads: number;
    }
  | { type: 'published'; block: number; fanoutMs: number }
  | { type: 'memory'; rssBytes: number; heapUsedBytes: number }
  | { type: 'cpu'; cpuMs: number }
  | { type: 'stopped' };

const plan = JSON.parse(process.argv[2] ?? 'null') as GatewayPlan | null;
if (plan === null || process.send === undefined)
  throw new Error('usage: gateway-process.ts <plan as JSON>, spawned with an IPC channel');
const reply = (message: FromGateway) => process.send!(message);

const logger = pino({ level: 'warn' }, pino.destination(2));
const oltp = await createOltpStore({ dataDir: plan.dataDir, logger });
const olap = await createOlapStore({ dataDir: plan.dataDir, logger });
const analytics = await createAnalyticsOlapStore({ dataDir: plan.dataDir, logger });
const seedStarted = performance.now();
await oltp.upsertChain({ chainId: benchChainId, name: 'bench' });
for (const batch of historyBatches(plan.seedTrades, 20, 20_000)) await olap.insertTrades(batch);
const lastBlock = Math.ceil(plan.seedTrades / 20);
await oltp.setHead(benchChainId, lastBlock);
await oltp.setIndexedBlock(benchChainId, lastBlock);
const seedSeconds = (performance.now() - seedStarted) / 1000;

const bus = createInProcessBus({ logger });
/** The process's file-descriptor limit (each socket is one): Linux's /proc/self/limits. */
function maxOpenFiles(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const line = limits.split('\n').find((item) => item.startsWith('Max open files'));
  const soft = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(soft) ? soft : Number.POSITIVE_INFINITY;
}

// Rate limiting off: every subscriber and request comes from one address (as in bench:query).
// A long connection_init timeout: opening 10,000s of sockets at once on a busy machine can hold
// a handshake's connection_init back longer than the default 3 s.
const config = parseGatewayConfig({
  GATEWAY_PORT: '0',
  GATEWAY_RATE_LIMIT_COST_PER_SECOND: '0',
  GATEWAY_WS_INIT_TIMEOUT_MS: '30000',
  ...(plan.writeThreads === undefined ? {} : { GATEWAY_WRITE_THREADS: String(plan.writeThreads) }),
});
const gateway = await createGateway({ config, oltp, olap, analytics, bus, logger });

const afterIo = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Publishes a block's trades and resolves with the gateway's own share of the latency: from
 * publishing to the end of the turn in which the live server flushed the pushes to every socket
 * (it flushes in the check phase after the fan-out, which this waits behind).
 */
async function publish(block: number, count: number): Promise<number> {
  const trades = Array.from({ length: count }, (_, i) => benchTrade(block, i));
  // Stamped last, so the latency counts from the moment the block enters the bus.
  const started = performance.now();
  const stamp = String(nowMicros());
  for (const trade of trades) trade.amountIn = stamp;
  await bus.publish(Topics.chainEvents, trades);
  await afterIo();
  await afterIo();
  return performance.now() - started;
}

async function stop(): Promise<void> {
  await gateway.stop();
  await bus.close();
  await Promise.all([oltp.close(), olap.close(), analytics.close()]);
  reply({ type: 'stopped' });
  process.exit(0);
}

process.on('message', (message: ToGateway) => {
  if (message.type === 'publish') {
    void publish(message.block, message.trades).then((fanoutMs) =>
      reply({ type: 'published', block: message.block, fanoutMs }),
    );
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    reply({ type: 'cpu', cpuMs: (user + system) / 1000 });
  } else if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const usage = process.memoryUsage();
    reply({ type: 'memory', rssBytes: usage.rss, heapUsedBytes: usage.heapUsed });
  } else {
    void stop();
  }
});
reply({
  type: 'ready',
  url: gateway.url,
  wsUrl: gateway.wsUrl,
  seedSeconds,
  maxOpenFiles: maxOpenFiles(),
  writeThreads: config.writeThreads,
});
