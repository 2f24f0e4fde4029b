import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeAbiParameters, toFunctionSelector, type Hex } from 'viem';
import type { SyntheticMarket } from './synthetic-market';

/**
 * The contract reads the indexer makes beside the chain port (pool tokens and factory, token
 * metadata) answered from the generated market over JSON-RPC on 127.0.0.1. Logs, headers and
 * receipts still come from the in-memory chain reader.
 */
export interface MarketRpc {
  url: string;
  close(): Promise<void>;
}

interface RpcRequest {
  id: unknown;
  method: string;
  params?: unknown[];
}

const selector = (signature: string) => toFunctionSelector(signature).slice(0, 10);
const address = (a: string): Hex => encodeAbiParameters([{ type: 'address' }], [a as Hex]);
const text = (s: string): Hex => encodeAbiParameters([{ type: 'string' }], [s]);

function contractCall(market: SyntheticMarket, to: string, data: string): Hex | null {
  const pool = market.pool(to);
  const token = market.token(to);
  const fn = data.slice(0, 10);
  if (pool && fn === selector('token0()')) return address(pool.token0);
  if (pool && fn === selector('token1()')) return address(pool.token1);
  if (pool && fn === selector('factory()')) return address(market.factory);
  if (to === market.factory && fn === selector('getPair(address,address)')) {
    const [a, b] = [`0x${data.slice(34, 74)}`, `0x${data.slice(98, 138)}`];
    const found = market.poolList.find(
      (p) => (p.token0 === a && p.token1 === b) || (p.token0 === b && p.token1 === a),
    );
    return address(found?.address ?? `0x${'0'.repeat(40)}`);
  }
  if (token !== undefined && fn === selector('decimals()'))
    return encodeAbiParameters([{ type: 'uint8' }], [18]);
  if (token !== undefined && fn === selector('symbol()')) return text(`TK${token}`);
  if (token !== undefined && fn === selector('name()')) return text(`Token ${token}`);
  return null;
}

function answer(market: SyntheticMarket, chainId: number, req: RpcRequest) {
  const params = req.params ?? [];
  const ok = (result: unknown) => ({ jsonrpc: '2.0', id: req.id, result });
  switch (req.method) {
    case 'eth_chainId':
      return ok(`0x${chainId.toString(16)}`);
    case 'eth_blockNumber':
      return ok(`0x${market.lastBlock.toString(16)}`);
    case 'eth_getCode': {
      const target = String(params[0]).toLowerCase();
      const known = market.pool(target) ?? market.token(target) ?? target === market.factory;
      return ok(known ? '0x6080' : '0x');
    }
    case 'eth_call': {
      const call = params[0] as { to: string; data?: string; input?: string };
      const result = contractCall(market, call.to.toLowerCase(), call.data ?? call.input ?? '');
      if (result !== null) return ok(result);
      return { jsonrpc: '2.0', id: req.id, error: { code: 3, message: 'execution reverted' } };
    }
    default:
      return { jsonrpc: '2.0', id: req.id, error: { code: -32601, message: 'method not found' } };
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startMarketRpc(market: SyntheticMarket, chainId: number): Promise<MarketRpc> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void body(req).then((text) => {
      const parsed = JSON.parse(text) as RpcRequest | RpcRequest[];
      const reply = Array.isArray(parsed)
        ? parsed.map((r) => answer(market, chainId, r))
        : answer(market, chainId, parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
