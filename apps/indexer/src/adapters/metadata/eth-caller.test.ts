import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EndpointPool } from '../chain/endpoints/endpoint-pool';
import type { RpcEndpoint } from '../chain/endpoints/rpc-endpoint';
import { RpcFailure } from '../chain/endpoints/rpc-errors';
import { createEthCaller } from './eth-caller';

const CHAIN_ID = 1;
const TOKEN = `0x${'1'.repeat(40)}`;
const WORD = `0x${'0'.repeat(62)}12`;

/** An endpoint of chain `servesChain` answering eth_call / eth_getCode from `answers`. */
function endpointOf(url: string, answers: Record<string, unknown[]>, servesChain = CHAIN_ID) {
  const asked: string[] = [];
  const endpoint: RpcEndpoint = {
    url,
    request(method) {
      asked.push(method);
      if (method === 'eth_chainId') return Promise.resolve(`0x${servesChain.toString(16)}`);
      const answer = answers[method]?.shift();
      if (answer === undefined) return Promise.reject(new RpcFailure(`${url}: down`, 'network'));
      return answer instanceof RpcFailure ? Promise.reject(answer) : Promise.resolve(answer);
    },
    close: () => Promise.resolve(),
  };
  return { endpoint, asked };
}

function callerOf(endpoints: RpcEndpoint[]) {
  const pool = new EndpointPool(endpoints, {
    chainId: CHAIN_ID,
    logger: pino({ level: 'silent' }),
    maxAttempts: 3,
    backoff: { baseMs: 1, maxMs: 2 },
    demoteMs: 1,
  });
  return createEthCaller(pool);
}

const reverted = new RpcFailure('http://a.example: eth_call: execution reverted (3)', 'rejected');
const outOfGas = new RpcFailure('http://a.example: eth_call: out of gas (-32000)', 'server');

describe('createEthCaller over an endpoint pool', () => {
  it('answers return data, and null for calls that fail in the EVM, without asking elsewhere', async () => {
    const a = endpointOf('http://a.example', { eth_call: [WORD, reverted, outOfGas, '0x'] });
    const b = endpointOf('http://b.example', {});
    const caller = callerOf([a.endpoint, b.endpoint]);
    expect(await caller.call(TOKEN, '0x313ce567')).toBe(WORD);
    expect(await caller.call(TOKEN, '0x95d89b41')).toBeNull();
    expect(await caller.call(TOKEN, '0x06fdde03')).toBeNull();
    expect(await caller.call(TOKEN, '0x06fdde03')).toBe('0x');
    expect(b.asked).not.toContain('eth_call');
  });

  it('fails over on endpoint faults and malformed answers', async () => {
    for (const method of ['eth_call', 'eth_getCode']) {
      // A malformed answer to eth_call; no answer at all (a network failure) to eth_getCode.
      const a = endpointOf('http://a.example', { eth_call: [42] });
      const b = endpointOf('http://b.example', { eth_call: [WORD], eth_getCode: ['0x6080'] });
      const caller = callerOf([a.endpoint, b.endpoint]);
      if (method === 'eth_call') expect(await caller.call(TOKEN, '0x313ce567')).toBe(WORD);
      else expect(await caller.hasCode(TOKEN)).toBe(true);
      expect(a.asked, method).toEqual(['eth_chainId', method]);
      expect(b.asked, method).toEqual(['eth_chainId', method]);
    }
  });

  it('says whether an address holds code', async () => {
    const a = endpointOf('http://a.example', { eth_getCode: ['0x', '0x6080'] });
    const caller = callerOf([a.endpoint]);
    expect(await caller.hasCode(TOKEN)).toBe(false);
    expect(await caller.hasCode(TOKEN)).toBe(true);
  });

  it('never reads from an endpoint of another chain', async () => {
    const wrong = endpointOf('http://wrong.example', { eth_call: ['0xbad'] }, 5);
    const right = endpointOf('http://right.example', { eth_call: [WORD] });
    const caller = callerOf([wrong.endpoint, right.endpoint]);
    expect(await caller.call(TOKEN, '0x313ce567')).toBe(WORD);
    expect(wrong.asked).toEqual(['eth_chainId']);
  });
});
