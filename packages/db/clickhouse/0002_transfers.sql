-- ERC-20 transfers, deduplicated on the natural key like trades.
CREATE TABLE IF NOT EXISTS transfers
(
    chain_id     UInt32,
    block_number UInt64,
    block_hash   String,
    timestamp    DateTime('UTC'),
    tx_hash      String,
    log_index    UInt32,
    token        String,
    from_address String,
    to_address   String,
    value        UInt256
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (chain_id, block_number, block_hash, log_index);
