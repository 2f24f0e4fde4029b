import { describe, expect, it } from 'vitest';
import type { WatchlistEntry } from './schemas';
import { readWatchlistForm, upsertEntry } from './watchlist-form';

const address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe('readWatchlistForm', () => {
  it('sends the address in lower case and leaves an empty label out', () => {
    expect(
      readWatchlistForm({ kind: 'POOL', chainId: 31337, address: ` ${address} `, label: ' ' }),
    ).toEqual({
      ok: true,
      value: { kind: 'POOL', chainId: 31337, address: address.toLowerCase() },
    });
  });

  it('says what is wrong with a typo, a missing chain or a long label', () => {
    const form = { kind: 'WALLET' as const, chainId: 1, address, label: 'whale' };
    expect(readWatchlistForm({ ...form, address: '0x123' })).toEqual({
      ok: false,
      problem: '"0x123" is not an address: expected 0x followed by 40 hex digits.',
    });
    expect(readWatchlistForm({ ...form, chainId: null })).toMatchObject({ ok: false });
    expect(readWatchlistForm({ ...form, label: 'x'.repeat(101) })).toMatchObject({ ok: false });
    expect(readWatchlistForm(form)).toMatchObject({ ok: true, value: { label: 'whale' } });
  });
});

describe('upsertEntry', () => {
  const entry = (id: string, label: string | null): WatchlistEntry => ({
    id,
    kind: 'POOL',
    chainId: 1,
    address,
    label,
    createdAt: 0,
    pool: null,
    wallet: null,
  });

  it('replaces an entry added again and appends a new one', () => {
    const list = [entry('a', null), entry('b', null)];
    expect(upsertEntry(list, entry('a', 'x')).map((e) => [e.id, e.label])).toEqual([
      ['a', 'x'],
      ['b', null],
    ]);
    expect(upsertEntry(list, entry('c', null)).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});
