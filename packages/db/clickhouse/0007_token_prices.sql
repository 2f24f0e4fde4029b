-- A token's USD price from a block on (a row where it changed), idempotent on the block like
-- trades. tokenPrice reads the newest row at or below a block.
CREATE TABLE IF NOT EXISTS token_prices
(
    chain_id     UInt32,
    token        String,
    block_number UInt64,
    block_hash   String,
    timestamp    DateTime('UTC'),
    price_usd    Decimal(76, 18),
    source       String
)
ENGINE = ReplacingMergeTree
ORDER BY (chain_id, token, block_number, block_hash)
SETTINGS index_granularity = 1024;
