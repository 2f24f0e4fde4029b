import { isAddress } from 'viem';
import type { AddWatchlistEntryInput } from '../../lib/api/generated/operations';
import { MAX_NAME, type FormResult } from '../../lib/form-result';
import type { WatchlistEntry, WatchlistKind } from './schemas';

export interface WatchlistForm {
  kind: WatchlistKind;
  chainId: number | null;
  address: string;
  label: string;
}

export function readWatchlistForm(form: WatchlistForm): FormResult<AddWatchlistEntryInput> {
  const address = form.address.trim();
  if (form.chainId === null) return { ok: false, problem: 'Choose a chain.' };
  if (!isAddress(address, { strict: false }))
    return {
      ok: false,
      problem: `"${address}" is not an address: expected 0x followed by 40 hex digits.`,
    };
  const label = form.label.trim();
  if (label.length > MAX_NAME)
    return { ok: false, problem: `The label is too long: at most ${MAX_NAME} characters.` };
  return {
    ok: true,
    value: {
      kind: form.kind,
      chainId: form.chainId,
      address: address.toLowerCase(),
      ...(label === '' ? {} : { label }),
    },
  };
}

/** Adding an entry again updates it: replace by id, else append (the list is oldest first). */
export function upsertEntry(
  entries: readonly WatchlistEntry[],
  entry: WatchlistEntry,
): WatchlistEntry[] {
  return entries.some((e) => e.id === entry.id)
    ? entries.map((e) => (e.id === entry.id ? entry : e))
    : [...entries, entry];
}
