import { describe, expect, it } from 'vitest';
import { documentHash } from './document-id';
import { operationsOf, renderManifest } from './manifest-file';

const query = 'query A { chains { id } }';
const subscription = 'subscription B { tradesRetracted { chainId } }';

describe('operationsOf', () => {
  it('keeps exported strings holding an operation, and leaves out fragments and other values', () => {
    const exports = {
      QUERY: query,
      SUBSCRIPTION: subscription,
      FRAGMENT: 'fragment F on Trade { id }',
      LABEL: 'Recent trades',
      LIMIT: 50,
    };
    expect(operationsOf(exports)).toEqual([
      { name: 'QUERY', text: query },
      { name: 'SUBSCRIPTION', text: subscription },
    ]);
  });
});

describe('renderManifest', () => {
  it('maps each hash to its exact text, sorted by hash, with a final newline', () => {
    const rendered = renderManifest([
      { name: 'QUERY', text: query },
      { name: 'SUBSCRIPTION', text: subscription },
    ]);
    const hashes = [documentHash(query), documentHash(subscription)].sort();
    expect(Object.keys(JSON.parse(rendered) as object)).toEqual(hashes);
    expect(JSON.parse(rendered)).toEqual({
      [documentHash(query)]: query,
      [documentHash(subscription)]: subscription,
    });
    expect(rendered.endsWith('}\n')).toBe(true);
  });

  it('renders the same documents the same way whatever their order (re-runnable)', () => {
    const a = { name: 'A', text: query };
    const b = { name: 'B', text: subscription };
    expect(renderManifest([b, a])).toBe(renderManifest([a, b]));
  });
});
