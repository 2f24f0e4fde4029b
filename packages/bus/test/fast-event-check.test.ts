import {
  CanonicalEvent,
  type CanonicalEvent as Event,
  type TradeExecutedV1,
} from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { fastCheckEvent } from '../src/fast-event-check';
import { oneOfEachType } from './fixtures';

/** What zod makes of a value: the normalised event, or undefined when it rejects it. */
const viaZod = (value: unknown) => {
  const result = CanonicalEvent.safeParse(value);
  return result.success ? result.data : undefined;
};

const events = oneOfEachType(7, 100);
const v3Trade = {
  ...(events.find((e) => e.type === 'TradeExecutedV1') as Event),
  protocol: 'uniswap-v3',
  sqrtPriceX96: '79228162514264337593543950336',
  liquidity: '1000',
  tick: -120,
  gasUsed: '152311',
  effectiveGasPrice: '31000000123',
};

/** Single-field changes, valid and invalid, applied to every event that has the field. */
const variants: Record<string, unknown[]> = {
  chainId: [0, -1, 1.5, '7', Number.MAX_SAFE_INTEGER + 2],
  blockNumber: [-1, 0, 2 ** 53, null],
  blockHash: [`0x${'AB'.repeat(32)}`, `0x${'ab'.repeat(31)}`, `0x${'zz'.repeat(32)}`, 12],
  txHash: [`0x${'Cd'.repeat(32)}`, '0x', undefined],
  logIndex: [-1, 0.5, 3],
  pool: [`0x${'EF'.repeat(20)}`, `0x${'ef'.repeat(21)}`, 'pool'],
  value: [
    '01',
    '-1',
    '1e3',
    10,
    '0',
    '115792089237316195423570985008687907853269984665640564039457584007913129639935',
  ],
  protocol: ['uniswap-v4', 'uniswap-v3'],
  tick: [1.5, -5],
  gasUsed: ['21000', '0x5208', -1, '1.5', undefined],
  effectiveGasPrice: [
    '115792089237316195423570985008687907853269984665640564039457584007913129639935',
    '007',
  ],
  extra: ['dropped'],
};

describe('the fast event check', () => {
  it('returns exactly what the zod contract returns for every valid event', () => {
    for (const event of [...events, v3Trade]) expect(fastCheckEvent(event)).toEqual(viaZod(event));
  });

  it('never accepts what zod rejects, and agrees with zod whenever it accepts', () => {
    let accepted = 0;
    for (const event of [...events, v3Trade])
      for (const [field, values] of Object.entries(variants)) {
        if (!(field in event) && field !== 'extra') continue;
        for (const value of values) {
          const changed = { ...event, [field]: value };
          const fast = fastCheckEvent(changed);
          if (fast === undefined) continue; // zod decides, so any answer is fine
          accepted += 1;
          expect(fast, `${event.type}.${field} = ${String(value)}`).toEqual(viaZod(changed));
        }
      }
    expect(accepted).toBeGreaterThan(20);
  });

  it('hands back an already normal event itself, and a normalised copy otherwise', () => {
    const normal = viaZod(v3Trade) as TradeExecutedV1;
    expect(fastCheckEvent(normal)).toBe(normal);
    const shouting = { ...normal, pool: normal.pool.toUpperCase().replace('0X', '0x') };
    const copy = fastCheckEvent(shouting);
    expect(copy).not.toBe(shouting);
    expect(copy).toEqual(normal);
    const extra = { ...normal, note: 'x' };
    expect(fastCheckEvent(extra)).not.toBe(extra);
    expect(fastCheckEvent(extra)).toEqual(normal);
  });

  it('leaves values it cannot check, such as unknown types, to zod', () => {
    expect(fastCheckEvent({ ...events[0], type: 'SomethingV9' })).toBeUndefined();
    expect(fastCheckEvent(null)).toBeUndefined();
    expect(fastCheckEvent('BlockV1')).toBeUndefined();
  });
});
