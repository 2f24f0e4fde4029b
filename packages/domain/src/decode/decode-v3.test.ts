import { describe, expect, it } from 'vitest';
import { decodeEventLog, encodeAbiParameters, pad, parseAbi, toHex } from 'viem';
import { fixtureLogs, fixtureSlices } from '../../test/mainnet-fixtures';
import { decodeLog } from './decode-log';
import { MalformedLogError, type RawLog } from './raw-log';
import { EventTopics } from './topics';

const base = {
  blockNumber: 1,
  blockHash: `0x${'1'.repeat(64)}`,
  transactionHash: `0x${'2'.repeat(64)}`,
  logIndex: 0,
};
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const swapTypes = [
  { type: 'int256' },
  { type: 'int256' },
  { type: 'uint160' },
  { type: 'uint128' },
  { type: 'int24' },
] as const;
const v3Abi = parseAbi([
  'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)',
]);

describe('decodeLog, Uniswap V3', () => {
  it('decodes a V3 swap with extreme signed amounts, a full uint160 price and a negative tick', () => {
    const minInt = -(2n ** 255n);
    const maxInt = 2n ** 255n - 1n;
    const price = 2n ** 160n - 1n;
    const liquidity = 2n ** 128n - 1n;
    const log: RawLog = {
      ...base,
      address: '0x88E6A0C2DDD26FEEB64F039A2C41296FCB3F5640',
      topics: [EventTopics.swapV3, pad(addr(7)), pad(addr(9))],
      data: encodeAbiParameters(swapTypes, [minInt, maxInt, price, liquidity, -887272]),
    };
    expect(decodeLog(log)).toEqual({
      kind: 'swapV3',
      pool: '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640',
      sender: addr(7),
      recipient: addr(9),
      amount0: minInt,
      amount1: maxInt,
      sqrtPriceX96: price,
      liquidity,
      tick: -887272,
    });
  });

  it('reads -1 and small negatives exactly', () => {
    const log: RawLog = {
      ...base,
      address: addr(1),
      topics: [EventTopics.swapV3, pad(addr(2)), pad(addr(3))],
      data: encodeAbiParameters(swapTypes, [-1n, 123456789n, 1n, 0n, 887272]),
    };
    expect(decodeLog(log)).toMatchObject({ amount0: -1n, amount1: 123456789n, tick: 887272 });
  });

  it('decodes PoolCreated with the fee from a topic and a negative tick spacing', () => {
    const log: RawLog = {
      ...base,
      address: '0x1F98431C8AD98523631AE4A59F267346EA31F984',
      topics: [EventTopics.poolCreatedV3, pad(addr(10)), pad(addr(11)), pad(toHex(3000))],
      data: encodeAbiParameters([{ type: 'int24' }, { type: 'address' }], [-60, addr(12)]),
    };
    expect(decodeLog(log)).toEqual({
      kind: 'poolCreatedV3',
      factory: '0x1f98431c8ad98523631ae4a59f267346ea31f984',
      token0: addr(10),
      token1: addr(11),
      fee: 3000,
      tickSpacing: -60,
      pool: addr(12),
    });
  });

  it('rejects truncated data and a tick outside int24', () => {
    const topics = [EventTopics.swapV3, pad(addr(2)), pad(addr(3))];
    expect(() => decodeLog({ ...base, address: addr(1), topics, data: '0x' })).toThrow(
      MalformedLogError,
    );
    const data = encodeAbiParameters(
      [
        { type: 'int256' },
        { type: 'int256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'int256' },
      ],
      [1n, -1n, 1n, 1n, 2n ** 23n],
    );
    expect(() => decodeLog({ ...base, address: addr(1), topics, data })).toThrow(MalformedLogError);
  });

  it('decodes every V3 swap of real mainnet blocks as a generic ABI decoder does', () => {
    let count = 0;
    for (const slice of fixtureSlices) {
      for (const log of fixtureLogs(slice).filter((l) => l.topics[0] === EventTopics.swapV3)) {
        const ref = decodeEventLog({
          abi: v3Abi,
          topics: log.topics as [`0x${string}`, ...`0x${string}`[]],
          data: log.data as `0x${string}`,
        }).args;
        expect(decodeLog(log)).toEqual({
          kind: 'swapV3',
          pool: log.address.toLowerCase(),
          sender: ref.sender.toLowerCase(),
          recipient: ref.recipient.toLowerCase(),
          amount0: ref.amount0,
          amount1: ref.amount1,
          sqrtPriceX96: ref.sqrtPriceX96,
          liquidity: ref.liquidity,
          tick: ref.tick,
        });
        count += 1;
      }
    }
    expect(count).toBe(21);
  });
});
