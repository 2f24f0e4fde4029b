import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSlice, type FixtureSlice } from './fixture-slice';
import { replayMethods, RpcFailure, type Handler } from './rpc-methods';

export interface ReplayRpcServer {
  url: string;
  slice: FixtureSlice;
  /** How many calls of each method were answered (batched calls count one by one). */
  calls: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

interface RpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

function answer(methods: Record<string, Handler>, calls: Map<string, number>, req: RpcRequest) {
  const id = req.id ?? null;
  const method = typeof req.method === 'string' ? req.method : '';
  calls.set(method, (calls.get(method) ?? 0) + 1);
  const handler = methods[method];
  if (!handler)
    return { jsonrpc: '2.0', id, error: { code: -32601, message: `method ${method} not found` } };
  try {
    const params = Array.isArray(req.params) ? (req.params as unknown[]) : [];
    return { jsonrpc: '2.0', id, result: handler(params) ?? null };
  } catch (error) {
    const failure =
      error instanceof RpcFailure ? error : new RpcFailure(-32603, (error as Error).message);
    const { code, message, data } = failure;
    return {
      jsonrpc: '2.0',
      id,
      error: data === undefined ? { code, message } : { code, message, data },
    };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A JSON-RPC server over HTTP on 127.0.0.1 that replays one recorded mainnet slice: the node the
 * indexer talks to in the mainnet replay test. Single and batch requests.
 */
export async function startReplayRpc(sliceName: string): Promise<ReplayRpcServer> {
  const slice = loadSlice(sliceName);
  const methods = replayMethods(slice);
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return reply(res, 405, { error: 'POST JSON-RPC only' });
    readBody(req)
      .then((text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return reply(res, 200, {
            jsonrpc: '2.0',
            id: null,
            error: { code: -32700, message: 'parse error' },
          });
        }
        const run = (r: unknown) => answer(methods, calls, r ?? {});
        reply(res, 200, Array.isArray(body) ? body.map(run) : run(body));
      })
      .catch((error: unknown) => reply(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    slice,
    calls,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
