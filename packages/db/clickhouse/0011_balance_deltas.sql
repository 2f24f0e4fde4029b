-- Wallet balances from ERC-20 transfers: one row per transfer side and one per starting balance
-- read on chain (kind 'seed'), idempotent on the natural key. Balances and their history are sums
-- over one wallet's rows, so the wallet leads the sort key; a reorg deletes by block hash, which
-- the bloom filter narrows.
CREATE TABLE IF NOT EXISTS balance_deltas
(
    chain_id     UInt32,
    wallet       String,
    token        String,
    block_number UInt64,
    block_hash   String,
    timestamp    DateTime('UTC'),
    log_index    UInt32,
    kind         Enum8('in' = 1, 'out' = 2, 'seed' = 3),
    delta        Int256,
    INDEX balance_block_hash block_hash TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
ORDER BY (wallet, chain_id, token, block_number, block_hash, log_index, kind)
SETTINGS index_granularity = 1024;
