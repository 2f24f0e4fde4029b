import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, keccak256, pad, toHex } from 'viem';
import { fixtureLogs, fixtureSlices, readJsonLines } from '../../test/mainnet-fixtures';
import { decodeLog } from './decode-log';
import { MalformedLogError, type RawLog } from './raw-log';
import { EventTopics } from './topics';

const signatures: Record<keyof typeof EventTopics, string> = {
  transfer: 'Transfer(address,address,uint256)',
  pairCreated: 'PairCreated(address,address,address,uint256)',
  swapV2: 'Swap(address,uint256,uint256,uint256,uint256,address)',
  syncV2: 'Sync(uint112,uint112)',
  mintV2: 'Mint(address,uint256,uint256)',
  burnV2: 'Burn(address,uint256,uint256,address)',
  swapV3: 'Swap(address,address,int256,int256,uint160,uint128,int24)',
  poolCreatedV3: 'PoolCreated(address,address,uint24,int24,address)',
};

const base = {
  blockNumber: 1,
  blockHash: `0x${'1'.repeat(64)}`,
  transactionHash: `0x${'2'.repeat(64)}`,
  logIndex: 0,
};
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;

describe('event topics', () => {
  it.each(Object.entries(signatures))('%s is the keccak of its signature', (key, signature) => {
    expect(EventTopics[key as keyof typeof EventTopics]).toBe(keccak256(toHex(signature)));
  });
});

describe('decodeLog', () => {
  it('decodes every ERC-20 transfer of real mainnet blocks exactly as the reference export', () => {
    for (const slice of fixtureSlices) {
      const logs = fixtureLogs(slice);
      // The reference export lists ERC-721 transfers too; those carry a 4th (tokenId) topic.
      const erc20Keys = new Set(
        logs.filter((l) => l.topics.length === 3).map((l) => `${l.transactionHash}:${l.logIndex}`),
      );
      const decoded = logs
        .map((log) => ({ log, d: decodeLog(log) }))
        .filter((x) => x.d?.kind === 'transfer')
        .map(({ log, d }) =>
          d?.kind === 'transfer'
            ? `${log.transactionHash}:${log.logIndex}:${d.token}:${d.from}:${d.to}:${d.value}`
            : '',
        );
      const expected = readJsonLines(slice, 'expected_token_transfers.json')
        .filter((t) => erc20Keys.has(`${String(t.transaction_hash)}:${String(t.log_index)}`))
        .map(
          (t) =>
            `${String(t.transaction_hash)}:${String(t.log_index)}:${String(t.token_address)}:${String(t.from_address)}:${String(t.to_address)}:${String(t.value)}`,
        );
      expect(decoded.length).toBeGreaterThan(200);
      expect(decoded.sort()).toEqual(expected.sort());
    }
  });

  it('decodes a V2 swap with exact 256-bit amounts', () => {
    const max = 2n ** 256n - 1n;
    const log: RawLog = {
      ...base,
      address: '0xABCDEF0000000000000000000000000000000001',
      topics: [EventTopics.swapV2, pad(addr(7)), pad(addr(9))],
      data: encodeAbiParameters(
        [{ type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }],
        [max, 0n, 0n, 5n],
      ),
    };
    expect(decodeLog(log)).toEqual({
      kind: 'swapV2',
      pool: '0xabcdef0000000000000000000000000000000001',
      sender: addr(7),
      to: addr(9),
      amount0In: max,
      amount1In: 0n,
      amount0Out: 0n,
      amount1Out: 5n,
    });
  });

  it('ignores ERC-721 transfers and unknown events, and rejects truncated known events', () => {
    expect(
      decodeLog({
        ...base,
        address: addr(1),
        topics: [EventTopics.transfer, pad(addr(1)), pad(addr(2)), pad('0x05')],
        data: '0x',
      }),
    ).toBeNull();
    expect(
      decodeLog({ ...base, address: addr(1), topics: [`0x${'9'.repeat(64)}`], data: '0x' }),
    ).toBeNull();
    expect(() =>
      decodeLog({ ...base, address: addr(1), topics: [EventTopics.syncV2], data: '0x1234' }),
    ).toThrow(MalformedLogError);
  });
});
