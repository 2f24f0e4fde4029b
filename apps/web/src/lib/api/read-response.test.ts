import { describe, expect, it } from 'vitest';
import { GatewayError } from './gateway-error';
import { readGraphQLResponse } from './read-response';
import { chainsDataSchema } from '../../features/chains/schemas';
import { tradeExecutedDataSchema } from '../../features/trades/schemas';

const trade = {
  id: '1:0xblock:0xtx:3',
  chainId: 1,
  blockNumber: 42,
  txHash: '0xtx',
  logIndex: 3,
  timestamp: 1_700_000_000,
  protocol: 'uniswap-v2',
  pool: '0xpool',
  trader: '0xtrader',
  tokenIn: '0xtokenin',
  tokenOut: '0xtokenout',
  amountIn: '123456789012345678901234567890',
  amountOut: '1',
};

function failure(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('readGraphQLResponse', () => {
  it('returns checked data, keeping amounts as exact strings', () => {
    const data = readGraphQLResponse(
      200,
      { data: { tradeExecuted: trade } },
      tradeExecutedDataSchema,
    );
    expect(data.tradeExecuted.amountIn).toBe('123456789012345678901234567890');
  });

  it('accepts chains whose progress is not known yet', () => {
    const chain = { id: 31337, name: 'devnet', head: null, indexedBlock: null, lag: null };
    expect(
      readGraphQLResponse(200, { data: { chains: [chain] } }, chainsDataSchema).chains,
    ).toEqual([chain]);
  });

  it('reports GraphQL errors as not retryable on a 4xx, retryable on a 5xx', () => {
    const body = { errors: [{ message: 'Cannot query field "x"' }] };
    const rejected = failure(() => readGraphQLResponse(400, body, chainsDataSchema));
    expect(rejected.message).toContain('Cannot query field "x"');
    expect(rejected.retryable).toBe(false);
    expect(failure(() => readGraphQLResponse(503, body, chainsDataSchema)).retryable).toBe(true);
  });

  it("keeps the gateway's own message and error code for the user to read", () => {
    const message = 'Sign-in refused: the nonce is unknown, used already or expired.';
    const body = { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] };
    const error = failure(() => readGraphQLResponse(401, body, chainsDataSchema));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.gatewayMessage).toBe(message);
    expect(error.retryable).toBe(false);
  });

  it('reports a bare HTTP failure by its status', () => {
    const error = failure(() => readGraphQLResponse(502, null, chainsDataSchema));
    expect(error.message).toContain('502');
    expect(error.retryable).toBe(true);
  });

  it('rejects a float amount instead of rendering it', () => {
    const body = { data: { tradeExecuted: { ...trade, amountIn: 1.5 } } };
    const error = failure(() => readGraphQLResponse(200, body, tradeExecutedDataSchema));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('unexpected response shape');
  });
});
