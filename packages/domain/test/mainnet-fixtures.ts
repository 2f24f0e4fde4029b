import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawLog } from '../src/index';

const root = fileURLToPath(new URL('../../../../shared/fixtures/mainnet/', import.meta.url));
export const fixtureSlices = ['blocks_17179063_17179063', 'blocks_17173049_17173050'] as const;

/** Reads one JSON-lines fixture file, keeping 256-bit numbers exact by quoting them first. */
export function readJsonLines(slice: string, file: string): Record<string, unknown>[] {
  const text = readFileSync(`${root}${slice}/${file}`, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        JSON.parse(
          line.replace(/"(value|total_difficulty|difficulty)": (\d+)/g, '"$1": "$2"'),
        ) as Record<string, unknown>,
    );
}

export function fixtureLogs(slice: string): RawLog[] {
  return readJsonLines(slice, 'expected_logs.json').map((row) => ({
    address: row.address as string,
    topics: row.topics as string[],
    data: row.data as string,
    blockNumber: row.block_number as number,
    blockHash: row.block_hash as string,
    transactionHash: row.transaction_hash as string,
    logIndex: row.log_index as number,
  }));
}
