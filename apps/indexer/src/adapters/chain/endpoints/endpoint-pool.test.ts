import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EndpointPool } from './endpoint-pool';
import type { RpcEndpoint } from './rpc-endpoint';
import { RpcFailure } from './rpc-errors';

const CHAIN_ID = 1;

/** An in-memory endpoint of chain `servesChain` at head `head`; `fail` scripts its next faults. */
function fakeEndpoint(url: string, servesChain: number, head = 100) {
  const asked: string[] = [];
  const fail: Partial<Record<string, RpcFailure[]>> = {};
  const endpoint: RpcEndpoint = {
    url,
    request(method) {
      asked.push(method);
      const fault = fail[method]?.shift();
      if (fault) return Promise.reject(fault);
      if (method === 'eth_chainId') return Promise.resolve(`0x${servesChain.toString(16)}`);
      if (method === 'eth_blockNumber') return Promise.resolve(`0x${head.toString(16)}`);
      return Promise.resolve(`answer of ${url}`);
    },
    close: () => Promise.resolve(),
  };
  return { endpoint, asked, fail };
}

function poolOf(endpoints: RpcEndpoint[]) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info', base: { service: 'indexer' } },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const pool = new EndpointPool(endpoints, {
    chainId: CHAIN_ID,
    logger,
    backoff: { baseMs: 1, maxMs: 2 },
    demoteMs: 1,
  });
  return { pool, lines };
}

const ask = (pool: EndpointPool) =>
  pool.call('test call', (endpoint) => endpoint.request('eth_call', []) as Promise<string>);

describe('EndpointPool chain id check', () => {
  it('asks each endpoint eth_chainId once before it serves a call', async () => {
    const a = fakeEndpoint('http://a.example/KEY', CHAIN_ID);
    const { pool } = poolOf([a.endpoint]);
    const answers = await Promise.all([ask(pool), ask(pool), ask(pool)]);
    expect(answers).toEqual(Array(3).fill('answer of http://a.example/KEY'));
    await pool.head();
    expect(a.asked[0]).toBe('eth_chainId');
    expect(a.asked.filter((m) => m === 'eth_chainId')).toHaveLength(1);
  });

  it('takes an endpoint of another chain out of rotation for good, with one warning', async () => {
    const wrong = fakeEndpoint('http://wrong.example/SECRET', 5);
    const right = fakeEndpoint('http://right.example', CHAIN_ID, 90);
    const { pool, lines } = poolOf([wrong.endpoint, right.endpoint]);
    expect(await pool.head()).toBe(90);
    for (let i = 0; i < 5; i += 1) expect(await ask(pool)).toBe('answer of http://right.example');
    expect(await pool.head()).toBe(90);
    expect(wrong.asked).toEqual(['eth_chainId']);
    const warnings = lines.filter((l) => l.event === 'rpc.wrong_chain');
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 40,
        service: 'indexer',
        chainId: CHAIN_ID,
        url: 'http://wrong.example',
        servedChainId: 5,
      }),
    ]);
    expect(warnings[0]?.msg).toMatch(/serves chain 5, configured chain 1/);
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });

  it('fails calls with a non-retryable error naming both chains when every endpoint is wrong', async () => {
    const only = fakeEndpoint('http://127.0.0.1:8545', 5);
    const { pool } = poolOf([only.endpoint]);
    const failure = await pool.head().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcFailure);
    expect(failure).toMatchObject({
      kind: 'wrong-chain',
      retryable: false,
      message: 'RPC http://127.0.0.1:8545 serves chain 5, configured chain 1',
    });
    await expect(ask(pool)).rejects.toThrow(
      'RPC http://127.0.0.1:8545 serves chain 5, configured chain 1',
    );
    expect(only.asked).toEqual(['eth_chainId']);
  });

  it('names every endpoint when all of several are on other chains', async () => {
    const a = fakeEndpoint('http://a.example', 5);
    const b = fakeEndpoint('http://b.example', 10);
    const { pool } = poolOf([a.endpoint, b.endpoint]);
    await expect(ask(pool)).rejects.toThrow(
      'RPC http://a.example serves chain 5, RPC http://b.example serves chain 10, configured chain 1',
    );
  });

  it('retries eth_chainId after a transient failure or a malformed answer', async () => {
    const flaky = fakeEndpoint('http://flaky.example', CHAIN_ID, 42);
    flaky.fail.eth_chainId = [
      new RpcFailure('flaky: HTTP 503', 'server'),
      new RpcFailure('flaky: eth_chainId: no answer within 10 ms', 'timeout'),
    ];
    const { pool } = poolOf([flaky.endpoint]);
    expect(await pool.head()).toBe(42);
    expect(await ask(pool)).toBe('answer of http://flaky.example');
    expect(flaky.asked.filter((m) => m === 'eth_chainId')).toHaveLength(3);
  });

  it('fails over to the next endpoint while the first cannot answer eth_chainId', async () => {
    const down = fakeEndpoint('http://down.example', CHAIN_ID);
    down.fail.eth_chainId = [new RpcFailure('down: connection refused', 'network')];
    const up = fakeEndpoint('http://up.example', CHAIN_ID);
    const { pool } = poolOf([down.endpoint, up.endpoint]);
    expect(await ask(pool)).toBe('answer of http://up.example');
  });
});
