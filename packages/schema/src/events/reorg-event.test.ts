import { describe, expect, it } from 'vitest';
import { blockStatusOf } from './canonical-events';
import { decodeEvent, encodeEvent, eventId, InvalidEventError, parseEvent } from './parse-event';

const hash = (digit: string) => `0x${digit.repeat(64)}`;
const address = (digit: string) => `0x${digit.repeat(40)}`;

const reorg = {
  type: 'ReorgV1',
  chainId: 1,
  ancestor: { number: 9, hash: hash('a') },
  orphaned: [
    { number: 10, hash: hash('b') },
    { number: 11, hash: hash('C') },
  ],
  depth: 2,
};

const trade = {
  type: 'TradeExecutedV1',
  chainId: 1,
  blockNumber: 10,
  blockHash: hash('b'),
  timestamp: 1_700_000_000,
  txHash: hash('d'),
  logIndex: 0,
  protocol: 'uniswap-v2',
  pool: address('1'),
  trader: address('2'),
  sender: address('3'),
  recipient: address('3'),
  tokenIn: address('4'),
  tokenOut: address('5'),
  amountIn: '1',
  amountOut: '2',
};

describe('ReorgV1', () => {
  it('round-trips through the wire with lower-cased hashes and a stable id', () => {
    const event = decodeEvent(encodeEvent(parseEvent(reorg)));
    expect(event).toEqual({
      ...reorg,
      orphaned: [reorg.orphaned[0], { number: 11, hash: hash('c') }],
    });
    expect(eventId(event)).toBe(`1:reorg:${hash('a')}:${hash('c')}`);
  });

  it('needs at least one orphaned block', () => {
    expect(() => parseEvent({ ...reorg, orphaned: [] })).toThrow(InvalidEventError);
  });
});

describe('TradeExecutedV1 status', () => {
  it('reads a message without status as latest and keeps a finalized one', () => {
    const old = parseEvent(trade);
    expect(old.type === 'TradeExecutedV1' && blockStatusOf(old)).toBe('latest');
    const final = parseEvent({ ...trade, status: 'finalized' });
    expect(final.type === 'TradeExecutedV1' && blockStatusOf(final)).toBe('finalized');
    expect(() => parseEvent({ ...trade, status: 'safe' })).toThrow(InvalidEventError);
  });
});
