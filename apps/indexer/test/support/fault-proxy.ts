import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Misbehaviour of real RPC providers, scripted per request. */
type Fault =
  /** `retryAfter` is sent as is, or computed when the fault fires (an HTTP date, say). */
  | { kind: 'rate-limit'; retryAfter: string | (() => string) }
  | { kind: 'server-error'; status: number }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'empty-logs' };

interface RpcCall {
  jsonrpc?: string;
  id?: unknown;
  method?: string;
  params?: unknown[];
}
interface RpcAnswer {
  jsonrpc: '2.0';
  id: unknown;
  result?: unknown;
  error?: unknown;
}

interface ProxyRequest {
  at: number;
  methods: string[];
  /** The block numbers its eth_getBlockByNumber calls asked for. */
  blocks: number[];
  fault?: Fault['kind'];
}

export interface FaultProxy {
  readonly url: string;
  /** Every request seen, with the fault it got. */
  readonly requests: ProxyRequest[];
  /** Requests that asked this (lagging) proxy about blocks above the head it reports. */
  readonly askedAboveHead: number;
  /**
   * Applies `fault` to `times` requests that call `method` (any method if absent), after letting
   * the first `skip` of them through.
   */
  inject(fault: Fault, options?: { method?: string; times?: number; skip?: number }): void;
  /** How many scripted faults are still waiting for a request. */
  pending(): number;
  close(): Promise<void>;
}

interface Scripted {
  fault: Fault;
  method: string | undefined;
  times: number;
  skip: number;
}

const hex = (n: number) => `0x${n.toString(16)}`;
const num = (v: unknown) => (typeof v === 'string' && v.startsWith('0x') ? Number(BigInt(v)) : NaN);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function upstreamCall(upstream: string, calls: RpcCall[]): Promise<RpcAnswer[]> {
  if (calls.length === 0) return [];
  const response = await fetch(upstream, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls),
  });
  return (await response.json()) as RpcAnswer[];
}

/** What a node `lag` blocks behind would answer: some calls locally, the rest upstream, rewritten. */
async function answerLagging(
  upstream: string,
  lag: number,
  calls: RpcCall[],
  aboveHead: () => void,
): Promise<RpcAnswer[]> {
  const [headAnswer] = await upstreamCall(upstream, [
    { jsonrpc: '2.0', id: 0, method: 'eth_blockNumber' },
  ]);
  const visible = num(headAnswer?.result) - lag;
  const local = new Map<unknown, RpcAnswer>();
  const forward: RpcCall[] = [];
  for (const call of calls) {
    const answer = (result: unknown) => local.set(call.id, { jsonrpc: '2.0', id: call.id, result });
    const p = call.params ?? [];
    if (call.method === 'eth_blockNumber') answer(hex(visible));
    else if (call.method === 'eth_getBlockByNumber' && !(num(p[0]) <= visible)) {
      aboveHead();
      answer(null);
    } else if (call.method === 'eth_getLogs') {
      const filter = p[0] as { fromBlock: string; toBlock: string };
      if (num(filter.toBlock) > visible) aboveHead();
      // Like a node that has not seen those blocks: a silently short answer.
      if (num(filter.fromBlock) > visible) answer([]);
      else {
        const toBlock = hex(Math.min(visible, num(filter.toBlock)));
        forward.push({ ...call, params: [{ ...filter, toBlock }] });
      }
    } else forward.push(call);
  }
  const answers = await upstreamCall(upstream, forward);
  return calls.map(
    (c) => local.get(c.id) ?? answers.find((a) => a.id === c.id) ?? { jsonrpc: '2.0', id: c.id },
  );
}

/** Answers with the fault instead of the node; false when the node's answer is needed. */
function answerWithFault(
  res: ServerResponse,
  fault: Fault | undefined,
  hanging: Set<ServerResponse>,
): boolean {
  if (fault?.kind === 'rate-limit') {
    const retryAfter = typeof fault.retryAfter === 'string' ? fault.retryAfter : fault.retryAfter();
    res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/json' });
    res.end('{"jsonrpc":"2.0","id":null,"error":{"code":429,"message":"Too Many Requests"}}');
    return true;
  }
  if (fault?.kind === 'server-error') {
    res.writeHead(fault.status, { 'content-type': 'text/html' });
    res.end('<html><body>upstream unavailable</body></html>');
    return true;
  }
  if (fault?.kind === 'hang') {
    hanging.add(res); // answered never; the client's deadline has to fire
    return true;
  }
  return false;
}

/** The scripted faults, in the order they were injected. */
class FaultScript {
  private readonly entries: Scripted[] = [];

  add(fault: Fault, opts: { method?: string; times?: number; skip?: number }): void {
    this.entries.push({ fault, method: opts.method, times: opts.times ?? 1, skip: opts.skip ?? 0 });
  }

  pending(): number {
    return this.entries.length;
  }

  /** The first fault of one of `kinds` scripted for a request calling `methods`, used up once. */
  take(methods: string[], kinds: Fault['kind'][]): Fault | undefined {
    const i = this.entries.findIndex(
      (s) => kinds.includes(s.fault.kind) && (s.method === undefined || methods.includes(s.method)),
    );
    const s = this.entries[i];
    if (!s) return undefined;
    if (s.skip > 0) {
      s.skip -= 1;
      return undefined;
    }
    s.times -= 1;
    if (s.times <= 0) this.entries.splice(i, 1);
    return s.fault;
  }
}

/** Empties the eth_getLogs answers that have logs, if `take` says a fault is due. */
function emptyLogs(calls: RpcCall[], answers: RpcAnswer[], take: () => Fault | undefined): boolean {
  const withLogs = answers.filter(
    (a) =>
      Array.isArray(a.result) &&
      a.result.length > 0 &&
      calls.find((c) => c.id === a.id)?.method === 'eth_getLogs',
  );
  if (withLogs.length === 0 || !take()) return false;
  for (const a of withLogs) a.result = [];
  return true;
}

interface ProxyState {
  upstream: string;
  lag: number;
  script: FaultScript;
  requests: ProxyRequest[];
  hanging: Set<ServerResponse>;
  askedAboveHead: number;
}

async function handle(state: ProxyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = JSON.parse(await readBody(req)) as RpcCall | RpcCall[];
  const calls = Array.isArray(body) ? body : [body];
  const methods = calls.map((c) => c.method ?? '');
  const blocks = calls
    .filter((c) => c.method === 'eth_getBlockByNumber')
    .map((c) => num(c.params?.[0]));
  const record: ProxyRequest = { at: Date.now(), methods, blocks };
  state.requests.push(record);
  const fault = state.script.take(methods, ['rate-limit', 'server-error', 'hang', 'truncate']);
  record.fault = fault?.kind;
  if (answerWithFault(res, fault, state.hanging)) return;
  const answers =
    state.lag > 0
      ? await answerLagging(state.upstream, state.lag, calls, () => (state.askedAboveHead += 1))
      : await upstreamCall(state.upstream, calls);
  if (emptyLogs(calls, answers, () => state.script.take(methods, ['empty-logs'])))
    record.fault = 'empty-logs';
  const out = JSON.stringify(Array.isArray(body) ? answers : answers[0]);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(fault?.kind === 'truncate' ? out.slice(0, Math.floor(out.length / 2)) : out);
}

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of a real node that misbehaves on demand like hosted
 * providers do, and, with `lagBlocks`, serves the chain as a node that many blocks behind would.
 */
export async function startFaultProxy(
  upstream: string,
  options: { lagBlocks?: number } = {},
): Promise<FaultProxy> {
  const state: ProxyState = {
    upstream,
    lag: options.lagBlocks ?? 0,
    script: new FaultScript(),
    requests: [],
    hanging: new Set(),
    askedAboveHead: 0,
  };
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    get askedAboveHead() {
      return state.askedAboveHead;
    },
    inject: (fault, opts = {}) => state.script.add(fault, opts),
    pending: () => state.script.pending(),
    async close() {
      for (const res of state.hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
