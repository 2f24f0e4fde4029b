import type { ReactNode } from 'react';

export interface DataTableProps<T> {
  /** Headings; an action column's is empty. */
  columns: readonly string[];
  /** Columns from this index on (figures, actions) align right. */
  rightFrom?: number;
  rows: readonly T[];
  /** One row's <tr>, keyed. */
  renderRow: (row: T) => ReactNode;
  /** What the single row of an empty table says. */
  empty: ReactNode;
  emptyTestId?: string;
  /** The empty row's top rule, like the rows'; off where nothing sits above it to divide. */
  emptyRowDivider?: boolean;
  /** The scrolling box around the table. */
  scrollClassName?: string;
}

function TableHead({ columns, rightFrom }: { columns: readonly string[]; rightFrom: number }) {
  return (
    <thead className="text-xs text-zinc-500 uppercase">
      <tr>
        {columns.map((label, index) => (
          <th
            // An action column has no heading, so no label to key by.
            key={label === '' ? `actions-${index}` : label}
            className={`px-4 py-2 font-medium ${index >= rightFrom ? 'text-right' : 'text-left'}`}
          >
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The dashboard's tables: headings, one row per item, and a row saying why there is none. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, emptyRowDivider = true, scrollClassName = 'overflow-x-auto' } = props;
  const { rightFrom = columns.length } = props;
  return (
    <div className={scrollClassName}>
      <table className="w-full text-sm tabular-nums">
        <TableHead columns={columns} rightFrom={rightFrom} />
        <tbody>
          {rows.map(props.renderRow)}
          {rows.length === 0 && (
            <tr className={emptyRowDivider ? 'border-t border-zinc-800/70' : undefined}>
              <td
                data-testid={props.emptyTestId}
                colSpan={columns.length}
                className="px-4 py-3 text-zinc-500"
              >
                {props.empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
