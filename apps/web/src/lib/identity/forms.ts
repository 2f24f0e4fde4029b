import type { AddWatchlistEntryInput, CreateApiKeyInput } from '../api/generated/operations';
import type { ApiKeyScope, WatchlistEntry, WatchlistKind } from '../api/identity-schemas';
import { isAddress } from 'viem';

// What the watchlist and API-key forms send, checked before sending so a typo gets a precise
// message at once (the gateway checks again and has the last word).

const MAX_NAME = 100;

export type FormResult<T> = { ok: true; value: T } | { ok: false; problem: string };

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

export interface ApiKeyForm {
  name: string;
  scopes: ReadonlySet<ApiKeyScope>;
}

/** Scopes in a stable order, whatever order they were ticked in. */
export const ALL_SCOPES: readonly ApiKeyScope[] = ['READ', 'ALERTS_WRITE'];

export function readApiKeyForm(form: ApiKeyForm): FormResult<CreateApiKeyInput> {
  const name = form.name.trim();
  if (name === '') return { ok: false, problem: 'Name the key (for example, where it is used).' };
  if (name.length > MAX_NAME)
    return { ok: false, problem: `The name is too long: at most ${MAX_NAME} characters.` };
  const scopes = ALL_SCOPES.filter((scope) => form.scopes.has(scope));
  if (scopes.length === 0) return { ok: false, problem: 'Choose at least one scope.' };
  return { ok: true, value: { name, scopes } };
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
