import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, classifyRpcError, isEndpointFault, RpcFailure } from './rpc-errors';

describe('classifyRpcError', () => {
  it.each([
    [-32005, 'query returned more than 10000 results'],
    [-32000, 'query returned more than 10000 results'],
    [-32602, 'block range is too wide'],
    [
      -32000,
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range',
    ],
    [-32600, 'limit exceeded'],
    [-32000, 'exceed maximum block range: 5000'],
  ])('reads %i "%s" as a range too large', (code, message) => {
    expect(classifyRpcError(code, message)).toBe('range');
  });

  it('reads rate limits, definitive answers and the rest', () => {
    expect(classifyRpcError(429, 'Too Many Requests')).toBe('rate-limited');
    expect(classifyRpcError(-32000, 'daily request rate limit reached')).toBe('rate-limited');
    expect(classifyRpcError(3, 'execution reverted')).toBe('rejected');
    expect(classifyRpcError(-32602, 'invalid argument 0: hex string without 0x prefix')).toBe(
      'rejected',
    );
    expect(classifyRpcError(-32601, 'the method eth_foo does not exist')).toBe('rejected');
    expect(classifyRpcError(-32000, 'header not found')).toBe('server');
  });
});

describe('classifyHttpStatus', () => {
  it('maps statuses', () => {
    expect(classifyHttpStatus(429)).toBe('rate-limited');
    expect(classifyHttpStatus(413)).toBe('range');
    expect(classifyHttpStatus(503)).toBe('server');
    expect(classifyHttpStatus(401)).toBe('http');
  });
});

describe('RpcFailure', () => {
  it('is retryable unless the node answered definitively', () => {
    expect(new RpcFailure('x', 'timeout').retryable).toBe(true);
    expect(new RpcFailure('x', 'range').retryable).toBe(true);
    expect(new RpcFailure('x', 'rejected').retryable).toBe(false);
    expect(isEndpointFault(new RpcFailure('x', 'malformed'))).toBe(true);
    expect(isEndpointFault(new RpcFailure('x', 'range'))).toBe(false);
    expect(isEndpointFault(new Error('x'))).toBe(false);
  });
});
