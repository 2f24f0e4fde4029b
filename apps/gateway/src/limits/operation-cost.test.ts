import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@tidemark/schema';
import { defaultListSize, operationCost } from './operation-cost';

const schema = buildSchema(typeDefs);
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables);

// pageInfo { hasNextPage endCursor }
const pageInfo = 1 + 2;

describe('operationCost', () => {
  it('counts 1 per field, and a list of objects times its default size', () => {
    expect(cost('{ __typename }')).toBe(1);
    expect(cost('{ chains { id name } }')).toBe(1 + defaultListSize * 2);
  });

  it('multiplies a list by its literal first', () => {
    const candles = (first: number) =>
      `{ candles(chainId: 1, pool: "0x01", interval: M1, first: ${first}) { edges { node { time trades } } } }`;
    // candles + (edges + first x (node + time + trades))
    expect(cost(candles(10))).toBe(1 + (1 + 10 * 3));
    expect(cost(candles(1000))).toBe(1 + (1 + 1000 * 3));
  });

  it("sizes a connection's edges by its first, counting them once", () => {
    const query =
      '{ trades(first: 50) { edges { cursor node { id pool } } pageInfo { hasNextPage endCursor } } }';
    // trades + (edges + 50 x (cursor + node + id + pool)) + pageInfo
    expect(cost(query)).toBe(1 + (1 + 50 * (1 + 1 + 2)) + pageInfo);
  });

  it('reads first from a variable, from its declared default, or from the schema default', () => {
    const query = 'query ($n: Int = 7) { trades(first: $n) { edges { node { id } } } }';
    const edges = (n: number) => 1 + (1 + n * (1 + 1));
    expect(cost(query, { n: 100 })).toBe(edges(100));
    expect(cost(query, {})).toBe(edges(7));
    // trades' first defaults to 20 in the SDL.
    expect(cost('{ trades { edges { node { id } } } }')).toBe(edges(20));
  });

  it('counts fragments and inline fragments where they are spread', () => {
    const query = `
      query Feed { trades(first: 10) { edges { node { ...F } } } }
      query Other { chains { id } }
      fragment F on Trade { id pool ... on Trade { trader } }`;
    expect(cost(query, {}, 'Feed')).toBe(1 + (1 + 10 * (1 + 3)));
    expect(cost(query, {}, 'Other')).toBe(1 + defaultListSize);
  });

  it('costs fragments spread many times without walking them again', () => {
    // Each level spreads the next 10 times: 10^6 leaf fields, computed in a blink.
    const levels = Array.from(
      { length: 6 },
      (_, i) =>
        `fragment L${i} on Chain { ${Array.from({ length: 10 }, () => `...L${i + 1}`).join(' ')} }`,
    );
    const query = `{ chains { ...L0 } } ${levels.join(' ')} fragment L6 on Chain { id }`;
    expect(cost(query)).toBe(1 + defaultListSize * 10 ** 6);
  });

  it('falls back to the default for a non-number, counts a size below 1 as 1, an unknown operation as 0', () => {
    expect(
      cost(
        'query ($n: Int) { candles(chainId: 1, pool: "0x01", interval: M1, first: $n) { edges { node { time } } } }',
        { n: 'x' },
      ),
    ).toBe(1 + (1 + 100 * 2));
    expect(
      cost(
        '{ candles(chainId: 1, pool: "0x01", interval: M1, first: -5) { edges { node { time } } } }',
      ),
    ).toBe(4);
    expect(cost('{ chains { id } }', {}, 'Missing')).toBe(0);
  });
});
