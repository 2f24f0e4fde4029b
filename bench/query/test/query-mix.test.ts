import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@tidemark/schema';
import { QUERY_KINDS, requestStream } from '../src/query-mix';

const schema = buildSchema(typeDefs);
const shape = { trades: 1_000, wallets: 50, pools: 5, days: 2, start: 1_699_920_000 };

describe('the query mix', () => {
  it('sends only documents the SDL accepts, of every kind', () => {
    const next = requestStream(shape, 10, shape.start + 2 * 86_400);
    const seen = new Map<string, string>();
    for (let i = 0; i < 500; i += 1) {
      const request = next();
      seen.set(request.kind, request.query);
    }
    expect([...seen.keys()].sort()).toEqual([...QUERY_KINDS].sort());
    for (const [kind, query] of seen) {
      const errors = validate(schema, parse(query)).map((error) => error.message);
      expect(errors, kind).toEqual([]);
    }
  });
});
