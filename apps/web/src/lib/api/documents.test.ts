import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@tidemark/schema';
import {
  CHAINS_QUERY,
  RECENT_TRADES_QUERY,
  TRADE_EXECUTED_SUBSCRIPTION,
  TRADES_RETRACTED_SUBSCRIPTION,
} from './documents';

const schema = buildSchema(typeDefs);

describe('GraphQL documents', () => {
  it.each([
    ['chains', CHAINS_QUERY],
    ['recent trades', RECENT_TRADES_QUERY],
    ['trade executed', TRADE_EXECUTED_SUBSCRIPTION],
    ['trades retracted', TRADES_RETRACTED_SUBSCRIPTION],
  ])('%s is valid against the gateway SDL', (_name, document) => {
    const errors = validate(schema, parse(document));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('would catch a field the SDL does not have', () => {
    const errors = validate(schema, parse('query { chains { id nickname } }'));
    expect(errors).toHaveLength(1);
  });
});
