import type { Trade } from './schemas';
import { DataTable, type DataTableProps } from '../../components/ui/data-table';
import { TradeRow } from './trade-row';

const COLUMNS = [
  'Time (UTC)',
  'Chain',
  'Pool',
  'Trader',
  'Token in → out',
  'Amount in',
  'Amount out',
];
// The amounts align right.
const RIGHT_FROM = 5;

export interface TradeRowsTableProps extends Pick<
  DataTableProps<Trade>,
  'emptyRowDivider' | 'scrollClassName'
> {
  trades: Trade[];
  chainNames: ReadonlyMap<number, string>;
  /** What the table says while it has no trades. */
  empty: string;
}

/** A table of trades in the order given, each naming its chain. */
export function TradeRowsTable({ trades, chainNames, ...table }: TradeRowsTableProps) {
  return (
    <DataTable
      columns={COLUMNS}
      rightFrom={RIGHT_FROM}
      rows={trades}
      renderRow={(trade) => (
        <TradeRow
          key={trade.id}
          trade={trade}
          chainName={chainNames.get(trade.chainId) ?? `#${trade.chainId}`}
        />
      )}
      {...table}
    />
  );
}
