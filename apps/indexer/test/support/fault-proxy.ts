import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Misbehaviour of real RPC providers, scripted per request. */
export type Fault =
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

export interface ProxyRequest {
  at: number;
  methods: string[];
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

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of a real node that misbehaves on demand like hosted
 * providers do, and, with `lagBlocks`, serves the chain as a node that many blocks behind would.
 */
export async function startFaultProxy(
  upstream: string,
  options: { lagBlocks?: number } = {},
): Promise<FaultProxy> {
  const lag = options.lagBlocks ?? 0;
  const script: Scripted[] = [];
  const requests: ProxyRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let askedAboveHead = 0;

  const take = (methods: string[], kinds: Fault['kind'][]): Fault | undefined => {
    const i = script.findIndex(
      (s) => kinds.includes(s.fault.kind) && (s.method === undefined || methods.includes(s.method)),
    );
    const s = script[i];
    if (!s) return undefined;
    if (s.skip > 0) {
      s.skip -= 1;
      return undefined;
    }
    s.times -= 1;
    if (s.times <= 0) script.splice(i, 1);
    return s.fault;
  };

  /** What a node `lag` blocks behind answers on its own; the rest goes upstream, rewritten. */
  const lagged = async (calls: RpcCall[]): Promise<RpcAnswer[]> => {
    const [headAnswer] = await upstreamCall(upstream, [
      { jsonrpc: '2.0', id: 0, method: 'eth_blockNumber' },
    ]);
    const visible = num(headAnswer?.result) - lag;
    const local = new Map<unknown, RpcAnswer>();
    const forward: RpcCall[] = [];
    for (const call of calls) {
      const answer = (result: unknown) =>
        local.set(call.id, { jsonrpc: '2.0', id: call.id, result });
      const p = call.params ?? [];
      if (call.method === 'eth_blockNumber') answer(hex(visible));
      else if (call.method === 'eth_getBlockByNumber' && !(num(p[0]) <= visible)) {
        askedAboveHead += 1;
        answer(null);
      } else if (call.method === 'eth_getLogs') {
        const filter = p[0] as { fromBlock: string; toBlock: string };
        if (num(filter.toBlock) > visible) askedAboveHead += 1;
        // Like a node that has not seen those blocks: a silently short answer.
        if (num(filter.fromBlock) > visible) answer([]);
        else
          forward.push({
            ...call,
            params: [{ ...filter, toBlock: hex(Math.min(visible, num(filter.toBlock))) }],
          });
      } else forward.push(call);
    }
    const answers = await upstreamCall(upstream, forward);
    return calls.map(
      (c) => local.get(c.id) ?? answers.find((a) => a.id === c.id) ?? { jsonrpc: '2.0', id: c.id },
    );
  };

  const emptyLogs = (calls: RpcCall[], answers: RpcAnswer[], methods: string[]): boolean => {
    const withLogs = answers.filter(
      (a) =>
        Array.isArray(a.result) &&
        a.result.length > 0 &&
        calls.find((c) => c.id === a.id)?.method === 'eth_getLogs',
    );
    if (withLogs.length === 0 || !take(methods, ['empty-logs'])) return false;
    for (const a of withLogs) a.result = [];
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    const body = JSON.parse(text) as RpcCall | RpcCall[];
    const calls = Array.isArray(body) ? body : [body];
    const methods = calls.map((c) => c.method ?? '');
    const record: ProxyRequest = { at: Date.now(), methods };
    requests.push(record);
    const fault = take(methods, ['rate-limit', 'server-error', 'hang', 'truncate']);
    record.fault = fault?.kind;
    if (fault?.kind === 'rate-limit') {
      const retryAfter =
        typeof fault.retryAfter === 'string' ? fault.retryAfter : fault.retryAfter();
      res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/json' });
      res.end('{"jsonrpc":"2.0","id":null,"error":{"code":429,"message":"Too Many Requests"}}');
      return;
    }
    if (fault?.kind === 'server-error') {
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end('<html><body>upstream unavailable</body></html>');
      return;
    }
    if (fault?.kind === 'hang') {
      hanging.add(res); // answered never; the client's deadline has to fire
      return;
    }
    const answers = lag > 0 ? await lagged(calls) : await upstreamCall(upstream, calls);
    if (emptyLogs(calls, answers, methods)) record.fault = 'empty-logs';
    const out = JSON.stringify(Array.isArray(body) ? answers : answers[0]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(fault?.kind === 'truncate' ? out.slice(0, Math.floor(out.length / 2)) : out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get askedAboveHead() {
      return askedAboveHead;
    },
    inject(fault, opts = {}) {
      script.push({ fault, method: opts.method, times: opts.times ?? 1, skip: opts.skip ?? 0 });
    },
    pending: () => script.length,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
