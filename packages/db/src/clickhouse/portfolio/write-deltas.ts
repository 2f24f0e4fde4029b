import type { ClickHouseClient } from '@clickhouse/client';
import type { BalanceDeltaRecord } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { command, insertRows } from '../analytics/sql';
import * as v from '../analytics/values';

const COLUMNS = [
  'chain_id',
  'wallet',
  'token',
  'block_number',
  'block_hash',
  'timestamp',
  'log_index',
  'kind',
  'delta',
] as const;
const KINDS = new Set(['in', 'out', 'seed']);
const INT = /^-?(0|[1-9][0-9]*)$/;
const INT256 = 2n ** 255n;

function int256(value: string, field: string): string {
  if (!INT.test(value) || BigInt(value) >= INT256 || BigInt(value) < -INT256)
    throw new StoreInputError(`${field}: expected a signed 256-bit integer, got "${value}"`);
  return value === '-0' ? '0' : value;
}

function row(d: BalanceDeltaRecord, i: number): (string | number)[] {
  const at = `deltas[${i}]`;
  if (!KINDS.has(d.kind))
    throw new StoreInputError(`${at}.kind: expected in, out or seed, got "${d.kind}"`);
  return [
    v.chainId(d.chainId, `${at}.chainId`),
    v.address(d.wallet, `${at}.wallet`),
    v.address(d.token, `${at}.token`),
    v.integer(d.blockNumber, `${at}.blockNumber`),
    v.hash(d.blockHash, `${at}.blockHash`),
    v.unixTime(d.timestamp, `${at}.timestamp`),
    v.integer(d.logIndex, `${at}.logIndex`, 0, 2 ** 32 - 1),
    d.kind,
    int256(d.delta, `${at}.delta`),
  ];
}

/** Every row is checked before any is written, so a bad one writes nothing. */
export async function insertBalanceDeltas(
  client: ClickHouseClient,
  deltas: readonly BalanceDeltaRecord[],
): Promise<void> {
  await insertRows(client, 'balance_deltas', COLUMNS, deltas.map(row));
}

/**
 * Deletes the blocks' deltas. A lightweight DELETE that returns once queries no longer see the
 * rows (as the other retractions); deleting rows already gone is a no-op.
 */
export async function retractBalanceBlocks(
  client: ClickHouseClient,
  chainId: number,
  blockHashes: readonly string[],
): Promise<void> {
  const hashes = blockHashes.map((h, i) => v.hash(h, `blockHashes[${i}]`));
  if (hashes.length === 0) return;
  await command(
    client,
    `DELETE FROM balance_deltas WHERE chain_id = {chainId:UInt32} AND block_hash IN {hashes:Array(String)}`,
    { chainId: v.chainId(chainId), hashes },
    { lightweight_deletes_sync: '2' },
  );
}
