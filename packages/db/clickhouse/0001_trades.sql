-- DEX trades. The sort key is the event's natural key, so ReplacingMergeTree folds a redelivered
-- trade into the stored one; readers use FINAL to see deduplicated rows before merges run.
CREATE TABLE IF NOT EXISTS trades
(
    chain_id     UInt32,
    block_number UInt64,
    block_hash   String,
    timestamp    DateTime('UTC'),
    tx_hash      String,
    log_index    UInt32,
    protocol     LowCardinality(String),
    pool         String,
    trader       String,
    sender       String,
    recipient    String,
    token_in     String,
    token_out    String,
    amount_in    UInt256,
    amount_out   UInt256,
    INDEX trades_pool pool TYPE bloom_filter GRANULARITY 4,
    INDEX trades_trader trader TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (chain_id, block_number, block_hash, log_index);
