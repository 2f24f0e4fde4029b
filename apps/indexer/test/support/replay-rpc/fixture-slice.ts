import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The mainnet slices exported by ethereum-etl, beside the repository in shared/. */
const fixtureRoot = fileURLToPath(
  new URL('../../../../../../shared/fixtures/mainnet/', import.meta.url),
);
export const mainnetSlices = ['blocks_17179063_17179063', 'blocks_17173049_17173050'] as const;

export type Row = Record<string, unknown>;

export interface FixtureSlice {
  name: string;
  blocks: Row[];
  logs: Row[];
  transactions: Row[];
  transfers: Row[];
  firstBlock: number;
  lastBlock: number;
}

/**
 * Reads one JSON-lines file. Integers too long for a double (wei values, difficulties) are quoted
 * before parsing so they stay exact; the files hold them as bare numbers.
 */
function readJsonLines(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line.replace(/": (\d{16,})([,}])/g, '": "$1"$2')) as Row);
}

export function loadSlice(name: string): FixtureSlice {
  const read = (file: string) => readJsonLines(`${fixtureRoot}${name}/${file}`);
  const blocks = read('expected_blocks.json').sort((a, b) => num(a.number) - num(b.number));
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) throw new Error(`fixture slice ${name} holds no block`);
  return {
    name,
    blocks,
    logs: read('expected_logs.json'),
    transactions: read('expected_transactions.json'),
    transfers: read('expected_token_transfers.json'),
    firstBlock: num(first.number),
    lastBlock: num(last.number),
  };
}

export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw new Error(`expected a small integer, got ${JSON.stringify(value)}`);
}

export function str(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/** A decimal integer (number or exact string) as a JSON-RPC quantity; null stays null. */
export function quantity(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new Error(`expected an integer, got ${JSON.stringify(value)}`);
  }
  return `0x${BigInt(value).toString(16)}`;
}
