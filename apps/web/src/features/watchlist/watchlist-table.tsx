import type { WatchlistEntry } from './schemas';
import { formatPercent, formatUsd } from '../../lib/format-decimal';
import { formatCount, shortenAddress } from '../../lib/format';
import { BUTTON } from '../../components/ui/buttons';
import { DataTable } from '../../components/ui/data-table';

export interface WatchlistTableProps {
  entries: WatchlistEntry[];
  loaded: boolean;
  chainNames: ReadonlyMap<number, string>;
  remove: (id: string) => void;
  removing: ReadonlySet<string>;
}

const COLUMNS = [
  'Kind',
  'Chain',
  'Address',
  'Label',
  'Price',
  '24h',
  'Volume 24h',
  'Trades 24h',
  '',
];
// The figures and the action align right.
const RIGHT_FROM = 4;

/** The figures of one entry: a pool's market stats, a wallet's last 24 hours. */
function Figures({ entry }: { entry: WatchlistEntry }) {
  const cell = 'px-4 py-2 text-right';
  if (entry.pool !== null) {
    const { stats } = entry.pool;
    const change = stats.priceChange.h24;
    const tone =
      change === null ? '' : change.startsWith('-') ? 'text-rose-300' : 'text-emerald-300';
    return (
      <>
        <td className={cell}>{formatUsd(stats.priceUsd)}</td>
        <td className={`${cell} ${tone}`}>{formatPercent(change)}</td>
        <td className={cell}>{formatUsd(stats.volume24hUsd)}</td>
        <td className={cell}>{formatCount(stats.trades24h)}</td>
      </>
    );
  }
  if (entry.wallet !== null) {
    const { activity } = entry.wallet;
    return (
      <>
        <td className={`${cell} text-zinc-500`}>—</td>
        <td className={cell} title="realized PnL over the last 24 hours">
          PnL {formatUsd(activity.realizedPnlUsd)}
        </td>
        <td className={cell}>{formatUsd(activity.volumeUsd)}</td>
        <td className={cell}>{formatCount(activity.trades)}</td>
      </>
    );
  }
  return (
    <td colSpan={4} className="px-4 py-2 text-right text-xs text-zinc-500">
      no trades seen yet
    </td>
  );
}

interface WatchlistRowProps {
  entry: WatchlistEntry;
  chainName: string;
  remove: (id: string) => void;
  removing: boolean;
}

function WatchlistRow({ entry, chainName, remove, removing }: WatchlistRowProps) {
  return (
    <tr
      data-testid="watchlist-row"
      data-entry-id={entry.id}
      data-address={entry.address}
      data-kind={entry.kind}
      className="border-t border-zinc-800/70"
    >
      <td className="px-4 py-2 text-xs text-zinc-400">
        {entry.kind === 'POOL' ? 'pool' : 'wallet'}
      </td>
      <td className="px-4 py-2">{chainName}</td>
      <td className="px-4 py-2 font-mono text-xs" title={entry.address}>
        {shortenAddress(entry.address)}
      </td>
      <td className="px-4 py-2 text-zinc-300">{entry.label ?? ''}</td>
      <Figures entry={entry} />
      <td className="px-4 py-2 text-right">
        <button
          type="button"
          data-testid="watchlist-remove"
          className={BUTTON}
          disabled={removing}
          onClick={() => remove(entry.id)}
        >
          {removing ? 'Removing…' : 'Remove'}
        </button>
      </td>
    </tr>
  );
}

export function WatchlistTable(props: WatchlistTableProps) {
  const { chainNames, remove, removing } = props;
  return (
    <DataTable
      columns={COLUMNS}
      rightFrom={RIGHT_FROM}
      rows={props.entries}
      renderRow={(entry) => (
        <WatchlistRow
          key={entry.id}
          entry={entry}
          chainName={chainNames.get(entry.chainId) ?? `#${entry.chainId}`}
          remove={remove}
          removing={removing.has(entry.id)}
        />
      )}
      empty={
        props.loaded
          ? 'You follow no pools or wallets yet: add one above.'
          : 'Loading your watchlist…'
      }
      emptyTestId="watchlist-empty"
    />
  );
}
