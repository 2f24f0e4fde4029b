import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EndpointPool } from './endpoints/endpoint-pool';
import type { RpcEndpoint } from './endpoints/rpc-endpoint';
import { RpcFailure } from './endpoints/rpc-errors';
import { readReceipts } from './rpc-reads';

const CHAIN_ID = 1;
const hash = (c: string) => `0x${c.repeat(64)}`;
const FROM = `0x${'Ab'.repeat(20)}`;

const receipt = (txHash: string, over: Record<string, unknown> = {}) => ({
  transactionHash: txHash,
  blockHash: hash('b'),
  from: FROM,
  gasUsed: '0x252f7',
  effectiveGasPrice: '0x737be7e27b', // 496000033403
  status: '0x1',
  ...over,
});

/** An endpoint at `head` answering receipts with `answer`, counting what it was asked. */
function endpointOf(url: string, answer: (txHash: string) => unknown, head = 100) {
  const asked: string[] = [];
  const endpoint: RpcEndpoint = {
    url,
    request(method, params) {
      asked.push(method);
      if (method === 'eth_chainId') return Promise.resolve(`0x${CHAIN_ID.toString(16)}`);
      if (method === 'eth_blockNumber') return Promise.resolve(`0x${head.toString(16)}`);
      if (method === 'eth_getTransactionReceipt') return Promise.resolve(answer(String(params[0])));
      return Promise.reject(new RpcFailure(`${method} not found`, 'rejected'));
    },
    close: () => Promise.resolve(),
  };
  return { endpoint, asked };
}

function poolOf(endpoints: RpcEndpoint[]) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const pool = new EndpointPool(endpoints, {
    chainId: CHAIN_ID,
    logger,
    maxAttempts: 2,
    backoff: { baseMs: 1, maxMs: 2 },
    demoteMs: 1,
  });
  return { pool, lines };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (error: unknown) => error,
  );

describe('readReceipts', () => {
  it('gives sender, block and exact gas per lower-case hash, each transaction asked once', async () => {
    const huge = `0x${'f'.repeat(64)}`; // a uint256 price stays exact
    const a = endpointOf('http://a.example', (h) =>
      receipt(h, h === hash('2') ? { effectiveGasPrice: huge } : {}),
    );
    const { pool } = poolOf([a.endpoint]);
    const receipts = await readReceipts(pool, [hash('a'), hash('A'), hash('2')]);
    expect([...receipts.keys()]).toEqual([hash('a'), hash('2')]);
    expect(receipts.get(hash('a'))).toEqual({
      from: FROM.toLowerCase(),
      blockHash: hash('b'),
      gasUsed: 152_311n,
      effectiveGasPrice: 496_000_033_403n,
    });
    expect(receipts.get(hash('2'))?.effectiveGasPrice).toBe(2n ** 256n - 1n);
    expect(a.asked.filter((m) => m === 'eth_getTransactionReceipt')).toHaveLength(2);
    expect(await readReceipts(pool, [])).toEqual(new Map());
  });

  it('reads a receipt without effectiveGasPrice (older nodes) as an unknown price', async () => {
    const a = endpointOf('http://a.example', (h) => receipt(h, { effectiveGasPrice: undefined }));
    const { pool } = poolOf([a.endpoint]);
    const receipts = await readReceipts(pool, [hash('1')]);
    expect(receipts.get(hash('1'))).toMatchObject({ gasUsed: 152_311n, effectiveGasPrice: null });
  });

  it('asks another endpoint when one has no receipt yet, and demotes the one that had none', async () => {
    const behind = endpointOf('http://behind.example', () => null);
    const ahead = endpointOf('http://ahead.example', (h) => receipt(h));
    const { pool, lines } = poolOf([behind.endpoint, ahead.endpoint]);
    const receipts = await readReceipts(pool, [hash('1')]);
    expect(receipts.get(hash('1'))?.gasUsed).toBe(152_311n);
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'rpc.endpoint_demoted',
        endpoint: 'http://behind.example',
        kind: 'missing',
      }),
    );
  });

  it('asks only an endpoint that has reached the block the transactions are in', async () => {
    const lagging = endpointOf('http://lagging.example', (h) => receipt(h), 90);
    const current = endpointOf('http://current.example', (h) => receipt(h), 100);
    const { pool } = poolOf([lagging.endpoint, current.endpoint]);
    await readReceipts(pool, [hash('1')], 95);
    expect(lagging.asked).not.toContain('eth_getTransactionReceipt');
    expect(current.asked).toContain('eth_getTransactionReceipt');
  });

  it('fails retryably on a receipt that is missing, malformed or of another transaction', async () => {
    const cases: [unknown, string, RegExp][] = [
      [null, 'missing', /receipt of transaction 0x1{64} not found/],
      [receipt(hash('1'), { gasUsed: `0x1${'0'.repeat(16)}` }), 'malformed', /malformed receipt/],
      [receipt(hash('1'), { from: '0x12' }), 'malformed', /malformed receipt/],
      [receipt(hash('9')), 'inconsistent', /asked for the receipt of 0x1{64}, got 0x9{64}/],
    ];
    for (const [answer, kind, message] of cases) {
      const { pool } = poolOf([endpointOf('http://a.example', () => answer).endpoint]);
      const error = await failureOf(readReceipts(pool, [hash('1')]));
      expect(error, kind).toBeInstanceOf(RpcFailure);
      expect(error, kind).toMatchObject({ kind, retryable: true });
      expect((error as Error).message).toMatch(message);
    }
  });
});
