import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@tidemark/schema';
import * as documents from './documents';

const schema = buildSchema(typeDefs);
const exported: [string, string][] = Object.entries(documents as Record<string, unknown>).flatMap(
  ([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []),
);

describe('GraphQL documents', () => {
  it('exports every operation the dashboard sends, sign-in and watchlist included', () => {
    expect(exported.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'CHAINS_QUERY',
        'TRADE_EXECUTED_SUBSCRIPTION',
        'SIGN_IN_MUTATION',
        'WATCHLIST_TRADES_SUBSCRIPTION',
        'CREATE_API_KEY_MUTATION',
      ]),
    );
  });

  it.each(exported)('%s is valid against the gateway SDL', (_name, document) => {
    const errors = validate(schema, parse(document));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('would catch a field the SDL does not have', () => {
    const errors = validate(schema, parse('query { chains { id nickname } }'));
    expect(errors).toHaveLength(1);
  });
});
