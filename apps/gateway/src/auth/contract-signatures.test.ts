import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaseError, TimeoutError } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractSignatureVerifier } from './contract-signatures';
import { SignatureCheckUnavailableError } from './errors';

const input = {
  address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  message: 'hello',
  signature: `0x${'ab'.repeat(65)}`,
} as const;

/** An HTTP server that takes requests and never answers: a hung RPC node. */
let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('createContractSignatureVerifier', () => {
  it('supports exactly the chains it has an RPC URL for', () => {
    const verifier = createContractSignatureVerifier(new Map([[8453, silentUrl]]));
    expect(verifier.supports(8453)).toBe(true);
    expect(verifier.supports(1)).toBe(false);
  });

  it('gives up on a node that does not answer within the timeout: a retryable error', async () => {
    const verifier = createContractSignatureVerifier(new Map([[8453, silentUrl]]), {
      timeoutMs: 200,
    });
    const startedAt = Date.now();
    const error = await verifier.verify({ chainId: 8453, ...input }).catch((e: unknown) => e);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(SignatureCheckUnavailableError);
    const cause = (error as SignatureCheckUnavailableError).originalError as BaseError;
    expect(cause.walk((e) => e instanceof TimeoutError)).toBeInstanceOf(TimeoutError);
    expect((error as SignatureCheckUnavailableError).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      retryable: true,
    });
    expect((error as Error).message).toContain('the RPC node of chain 8453 did not answer');
  });
});
