import { readdir } from 'node:fs/promises';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@tidemark/schema';
import * as documents from './all-documents';

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

  it("holds every feature's documents.ts, as the codegen and the trusted-documents script read them", async () => {
    const features = await readdir(import.meta.dirname, { withFileTypes: true });
    const names: string[] = [];
    for (const entry of features.filter((e) => e.isDirectory())) {
      const files = await readdir(`${import.meta.dirname}/${entry.name}`);
      if (!files.includes('documents.ts')) continue;
      const module = (await import(`./${entry.name}/documents.ts`)) as Record<string, unknown>;
      names.push(...Object.keys(module));
    }
    expect(exported.map(([name]) => name).sort()).toEqual(names.sort());
  });

  it('would catch a field the SDL does not have', () => {
    const errors = validate(schema, parse('query { chains { id nickname } }'));
    expect(errors).toHaveLength(1);
  });
});
