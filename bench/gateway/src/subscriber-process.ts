/**
 * Bench subscribers in a process of their own: `count` raw graphql-transport-ws sockets (a
 * minimal WebSocket client on TCP, raw-ws-client.ts, to keep the client side cheap), each subscribed to the same
 * `tradeExecuted` operation. Each push's latency is its arrival time minus the publish time the
 * gateway process wrote into `amountIn`, read straight from the frame's bytes.
 *
 *   node --import tsx subscriber-process.ts '{"wsUrl":"ws://…","count":5000,"localAddress":"127.0.0.2"}'
 */
import { Histogram } from './histogram';
import { clientTextFrame, openRawWebSocket } from './raw-ws-client';
import { benchChainId, liveSubscription, nowMicros } from './synthetic';

export interface SubscriberPlan {
  wsUrl: string;
  count: number;
  /** The sockets' source address: each loopback address has its own ~28,000 ephemeral ports. */
  localAddress: string;
}

export type ToSubscribers = { type: 'status' } | { type: 'reset' } | { type: 'report' };

export interface SubscriberStatus {
  type: 'status';
  /** Sockets that received connection_ack and sent their subscribe. */
  subscribed: number;
  /** Sockets that received at least one push since the last reset. */
  receiving: number;
  closed: number;
  failed: number;
  firstFailure: string | undefined;
}

export interface SubscriberReport {
  type: 'report';
  /** CPU time (user + system) of this process since the last reset, in ms. */
  cpuMs: number;
  pushes: number;
  maxMs: number;
  buckets: [number, number][];
}

const plan = JSON.parse(process.argv[2] ?? 'null') as SubscriberPlan | null;
if (plan === null || process.send === undefined)
  throw new Error('usage: subscriber-process.ts <plan as JSON>, spawned with an IPC channel');

const marker = Buffer.from('"amountIn":"');
const connectionInit = clientTextFrame('{"type":"connection_init"}');
const subscribe = clientTextFrame(
  JSON.stringify({
    id: '1',
    type: 'subscribe',
    payload: { query: liveSubscription, variables: { chainId: benchChainId } },
  }),
);
let histogram = new Histogram();
let cpuAtReset = process.cpuUsage();
const status: SubscriberStatus = {
  type: 'status',
  subscribed: 0,
  receiving: 0,
  closed: 0,
  failed: 0,
  firstFailure: undefined,
};
/** Per socket: whether it received a push since the last reset. */
let received = new Uint8Array(plan.count);

/** The publish time in `amountIn`, as digits from the frame's bytes (no JSON parsing). */
function stampOf(frame: Buffer): number | undefined {
  const at = frame.indexOf(marker);
  if (at < 0) return undefined;
  let value = 0;
  for (let i = at + marker.length; i < frame.length; i += 1) {
    const digit = frame[i]! - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

function open(index: number): Promise<void> {
  return new Promise((resolve) => {
    let acknowledged = false;
    let ended = false;
    const socket = openRawWebSocket(plan!.wsUrl, 'graphql-transport-ws', plan!.localAddress, {
      open: () => socket.write(connectionInit),
      text: (payload) => {
        if (!acknowledged) {
          acknowledged = true;
          socket.write(subscribe);
          status.subscribed += 1;
          resolve();
          return;
        }
        const stamp = stampOf(payload);
        if (stamp === undefined) return;
        histogram.add((nowMicros() - stamp) / 1000);
        if (received[index] === 0) {
          received[index] = 1;
          status.receiving += 1;
        }
      },
      closed: (error) => {
        if (ended) return;
        ended = true;
        if (error !== undefined) {
          status.failed += 1;
          status.firstFailure ??= error.message;
        }
        status.closed += 1;
        resolve();
      },
    });
  });
}

/** Opens the sockets `concurrency` handshakes at a time, so the listen backlog never overflows. */
async function openAll(concurrency = 200): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < plan!.count) await open(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

process.on('message', (message: ToSubscribers) => {
  if (message.type === 'status') process.send!(status);
  else if (message.type === 'reset') {
    histogram = new Histogram();
    cpuAtReset = process.cpuUsage();
    received = new Uint8Array(plan.count);
    status.receiving = 0;
    process.send!({ type: 'reset' });
  } else {
    const cpu = process.cpuUsage(cpuAtReset);
    const report: SubscriberReport = {
      type: 'report',
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      pushes: histogram.count,
      maxMs: histogram.maxMs,
      buckets: histogram.sparse(),
    };
    process.send!(report);
  }
});
await openAll();
process.send({ type: 'opened' });
