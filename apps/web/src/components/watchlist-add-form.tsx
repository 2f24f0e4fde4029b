'use client';

import { useState, type FormEvent } from 'react';
import type { AddWatchlistEntryInput } from '../lib/api/generated/operations';
import type { WatchlistKind } from '../lib/api/identity-schemas';
import type { Chain } from '../lib/api/schemas';
import { readWatchlistForm } from '../lib/identity/forms';
import { INPUT, PRIMARY_BUTTON } from './buttons';
import { Field, FormProblem } from './form-parts';

export interface WatchlistAddFormProps {
  chains: Chain[];
  add: (input: AddWatchlistEntryInput) => Promise<string | null>;
}

function ChainSelect(props: { chains: Chain[]; value: number | null; set: (id: number) => void }) {
  return (
    <select
      data-testid="watchlist-chain"
      className={INPUT}
      value={props.value ?? ''}
      onChange={(event) => props.set(Number(event.target.value))}
    >
      {props.chains.length === 0 && <option value="">loading…</option>}
      {props.chains.map((chain) => (
        <option key={chain.id} value={chain.id}>
          {chain.name} ({chain.id})
        </option>
      ))}
    </select>
  );
}

/** Follow a pool or a wallet by its address on one chain, with an optional label. */
export function WatchlistAddForm({ chains, add }: WatchlistAddFormProps) {
  const [kind, setKind] = useState<WatchlistKind>('POOL');
  const [chosenChain, setChosenChain] = useState<number | null>(null);
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Until the user picks one, the first chain the gateway lists.
  const chainId = chosenChain ?? chains[0]?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readWatchlistForm({ kind, chainId, address, label });
    if (!read.ok) return setProblem(read.problem);
    setBusy(true);
    setProblem(null);
    void add(read.value).then((failure) => {
      setBusy(false);
      setProblem(failure);
      if (failure !== null) return;
      setAddress('');
      setLabel('');
    });
  };

  return (
    <form
      data-testid="watchlist-form"
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 px-4 pb-3"
    >
      <Field label="Kind">
        <select
          data-testid="watchlist-kind"
          className={INPUT}
          value={kind}
          onChange={(event) => setKind(event.target.value as WatchlistKind)}
        >
          <option value="POOL">Pool</option>
          <option value="WALLET">Wallet</option>
        </select>
      </Field>
      <Field label="Chain">
        <ChainSelect chains={chains} value={chainId} set={setChosenChain} />
      </Field>
      <Field label="Address" wide>
        <input
          data-testid="watchlist-address"
          className={`${INPUT} font-mono`}
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
      </Field>
      <Field label="Label (optional)">
        <input
          data-testid="watchlist-label"
          className={INPUT}
          maxLength={100}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
      </Field>
      <button type="submit" data-testid="watchlist-add" className={PRIMARY_BUTTON} disabled={busy}>
        {busy ? 'Adding…' : 'Follow'}
      </button>
      <FormProblem message={problem} testId="watchlist-form-problem" />
    </form>
  );
}
