import { Readable } from 'node:stream';
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';

/** Values bound to `{name:Type}` placeholders; they never become part of the SQL text. */
export type Params = Record<string, string | number | readonly string[] | readonly number[]>;

/**
 * Settings of reads that touch a few granules (one pool, one wallet, one page): one thread is
 * enough, and on a small machine it spares the engine a pipeline of threads per query.
 */
export const pointRead: ClickHouseSettings = { max_threads: 1 };

export async function select<Row>(
  client: ClickHouseClient,
  query: string,
  params: Params,
  settings: ClickHouseSettings = {},
): Promise<Row[]> {
  const result = await client.query({
    query,
    query_params: params,
    format: 'JSONEachRow',
    clickhouse_settings: settings,
  });
  return result.json<Row>();
}

export async function command(
  client: ClickHouseClient,
  query: string,
  params: Params,
  settings: Record<string, string> = {},
): Promise<void> {
  await client.command({ query, query_params: params, clickhouse_settings: settings });
}

// Validated values hold no tab, newline or backslash; escaping guards anything else anyway.
const SPECIAL = /[\t\n\\]/;

/** One TabSeparated field; `null` is TabSeparated's NULL. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return SPECIAL.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
    : text;
}

/**
 * One synchronous insert of TabSeparated rows: the caller moves on only once they are stored, and
 * ClickHouse parses TSV faster than JSON.
 */
export async function insertRows(
  client: ClickHouseClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const text = rows.map((row) => `${row.map(field).join('\t')}\n`).join('');
  await client.insert({
    table,
    columns: [...columns] as [string, ...string[]],
    format: 'TabSeparated',
    values: Readable.from([Buffer.from(text)], { objectMode: false }),
    clickhouse_settings: { async_insert: 0 },
  });
}
