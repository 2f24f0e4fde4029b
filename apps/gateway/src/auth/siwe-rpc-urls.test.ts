import { describe, expect, it } from 'vitest';
import { parseSiweRpcUrls } from './siwe-rpc-urls';

describe('parseSiweRpcUrls', () => {
  it('reads one RPC URL per chain id, keeping each URL whole (paths, ports, = in queries)', () => {
    expect(
      parseSiweRpcUrls(['1=https://rpc.example/v3/abc?key=x', ' 31337 = http://127.0.0.1:8545 ']),
    ).toEqual(
      new Map([
        [1, 'https://rpc.example/v3/abc?key=x'],
        [31337, 'http://127.0.0.1:8545'],
      ]),
    );
    expect(parseSiweRpcUrls([])).toEqual(new Map());
  });

  it.each([
    [['https://rpc.example'], 'entry 1: expected <chain id>=<http(s) URL>'],
    [['0=https://rpc.example'], 'entry 1: the chain id is not a positive integer'],
    [['1.5=https://rpc.example'], 'entry 1: the chain id is not a positive integer'],
    [['1=https://a.example', '2='], 'entry 2 (chain 2): the URL is not an http(s) URL'],
    [['1=rpc.example:8545'], 'entry 1 (chain 1): the URL is not an http(s) URL'],
    [['1=file:///etc/passwd'], 'entry 1 (chain 1): the URL is not an http(s) URL'],
    [['8453=https://a.example', '8453=https://b.example'], 'entry 2: chain 8453 is listed twice'],
  ])('refuses %j: %s', (entries, message) => {
    const answer = parseSiweRpcUrls(entries);
    expect(typeof answer).toBe('string');
    expect((answer as string).startsWith(message)).toBe(true);
  });
});
