import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// Block numbers fit a JS number for any real chain (2^53), so bigint columns surface as numbers.
const blockNumber = (name: string) => bigint(name, { mode: 'number' });
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Chains the indexer follows, with the head it saw and the block the sink has stored. */
export const chains = pgTable('chains', {
  chainId: integer('chain_id').primaryKey(),
  name: text('name').notNull(),
  headBlock: blockNumber('head_block'),
  indexedBlock: blockNumber('indexed_block'),
  /** The newest block the ingest role considers final (head - confirmations). */
  finalizedBlock: blockNumber('finalized_block'),
  updatedAt: updatedAt(),
});

/** Where the ingest role resumes: the last block whose events were all published. */
export const ingestCursors = pgTable('ingest_cursors', {
  chainId: integer('chain_id').primaryKey(),
  blockNumber: blockNumber('block_number').notNull(),
  blockHash: text('block_hash').notNull(),
  updatedAt: updatedAt(),
});

export const tokens = pgTable(
  'tokens',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    symbol: text('symbol'),
    name: text('name'),
    decimals: integer('decimals'),
  },
  (table) => [primaryKey({ columns: [table.chainId, table.address] })],
);

export const pools = pgTable(
  'pools',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    protocol: text('protocol').notNull(),
    factory: text('factory'),
    token0: text('token0').notNull(),
    token1: text('token1').notNull(),
    createdBlock: blockNumber('created_block'),
    createdBlockHash: text('created_block_hash'),
    /** Created by a configured factory; pools found by their events alone are not. */
    verified: boolean('verified').notNull().default(false),
    /** V3 fee tier in millionths; null when unknown and for V2 pools. */
    fee: integer('fee'),
  },
  (table) => [primaryKey({ columns: [table.chainId, table.address] })],
);

/**
 * The hashes of the last published blocks of each chain (the reorg window): a new block must
 * extend them, and after a reorg they locate the common ancestor. Written with the cursor.
 */
export const ingestBlockWindow = pgTable(
  'ingest_block_window',
  {
    chainId: integer('chain_id').notNull(),
    blockNumber: blockNumber('block_number').notNull(),
    blockHash: text('block_hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.chainId, table.blockNumber] })],
);

/** Keyed JSON state of the stateful consumers (analytics, alerts), per consumer and chain. */
export const consumerState = pgTable(
  'consumer_state',
  {
    consumer: text('consumer').notNull(),
    chainId: integer('chain_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.consumer, table.chainId, table.key] })],
);

/** Each key's value before the first change made by a block (null: the key did not exist). */
export const consumerStateUndo = pgTable(
  'consumer_state_undo',
  {
    consumer: text('consumer').notNull(),
    chainId: integer('chain_id').notNull(),
    blockNumber: blockNumber('block_number').notNull(),
    key: text('key').notNull(),
    previous: jsonb('previous'),
  },
  (table) => [
    primaryKey({ columns: [table.consumer, table.chainId, table.blockNumber, table.key] }),
  ],
);

/** The last event each stateful consumer applied on each chain, committed with its state. */
export const consumerPositions = pgTable(
  'consumer_positions',
  {
    consumer: text('consumer').notNull(),
    chainId: integer('chain_id').notNull(),
    blockNumber: blockNumber('block_number').notNull(),
    blockHash: text('block_hash').notNull(),
    logIndex: integer('log_index').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.consumer, table.chainId] })],
);

// The identity tables live in their own file; drizzle-kit reads this one.
export * from './identity-schema';
