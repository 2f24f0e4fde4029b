'use client';

import { useState } from 'react';
import type { AddWatchlistEntryInput } from '../../lib/api/generated/operations';
import type { WatchlistKind } from './schemas';
import type { Chain } from '../chains/schemas';
import { readWatchlistForm } from './watchlist-form';
import { INPUT } from '../../components/ui/buttons';
import { Field } from '../../components/ui/form-parts';
import { SendForm } from '../../components/ui/send-form';

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
  // Until the user picks one, the first chain the gateway lists.
  const chainId = chosenChain ?? chains[0]?.id ?? null;

  return (
    <SendForm
      testId="watchlist-form"
      gap="gap-2"
      read={() => readWatchlistForm({ kind, chainId, address, label })}
      send={add}
      sent={() => {
        setAddress('');
        setLabel('');
      }}
      submit={{ testId: 'watchlist-add', label: 'Follow', busyLabel: 'Adding…' }}
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
    </SendForm>
  );
}
