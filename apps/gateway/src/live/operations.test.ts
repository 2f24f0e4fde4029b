import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isShareable, shareKey } from './operations';

const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('isShareable', () => {
  it.each([
    ['subscription { tradeExecuted { id } }', true],
    ['subscription S($c: Int) { tradesRetracted(filter: { chainId: $c }) { chainId } }', true],
    ['subscription { candleUpdated(chainId: 1, pool: "0x", interval: M1) { blockNumber } }', true],
    ['subscription { walletUpdated(address: "0x") { chainId } __typename }', true],
    // A viewer's own stream, alone or next to a public one, is never shared.
    ['subscription { watchlistTrades { id } }', false],
    ['subscription { tradeExecuted { id } watchlistTrades { id } }', false],
    // Fragments at the root could hide any field: run per subscriber.
    ['subscription { ... on Subscription { tradeExecuted { id } } }', false],
    ['query { chains { id } }', false],
  ])('%s: %s', (query, shareable) => {
    expect(isShareable(operation(query))).toBe(shareable);
  });
});

describe('shareKey', () => {
  it('differs by document, operation name and variables only', () => {
    const base = { query: 'subscription { tradeExecuted { id } }' };
    expect(shareKey(base)).toBe(shareKey({ ...base, variables: {}, operationName: null }));
    expect(shareKey(base)).not.toBe(shareKey({ ...base, variables: { filter: { chainId: 1 } } }));
    expect(shareKey(base)).not.toBe(shareKey({ ...base, operationName: 'Live' }));
    expect(shareKey(base)).not.toBe(shareKey({ query: 'subscription { tradeExecuted { pool } }' }));
  });
});
