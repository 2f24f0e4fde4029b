import { describe, expect, it } from 'vitest';
import { toLiveTradeFilter, toTradeFilter } from './trade-filter';

describe('trade filters', () => {
  it('keeps what narrows the list, leaving finalizedOnly to the query', () => {
    expect(toTradeFilter({ chainId: 1, pool: '0xab', finalizedOnly: true })).toEqual({
      chainId: 1,
      pool: '0xab',
    });
    expect(toLiveTradeFilter({ chainId: 1, finalizedOnly: false })).toEqual({ chainId: 1 });
  });

  it('refuses finalizedOnly on a subscription, saying what to do instead', () => {
    expect(() => toLiveTradeFilter({ finalizedOnly: true })).toThrow(
      /subscriptions push trades as they are indexed, before they are final; query trades\(filter: \{ finalizedOnly: true \}\) instead/,
    );
  });
});
