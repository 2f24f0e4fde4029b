-- A pool's liquidity and price after a block where they changed.
CREATE TABLE IF NOT EXISTS pool_states
(
    chain_id      UInt32,
    pool          String,
    block_number  UInt64,
    block_hash    String,
    timestamp     DateTime('UTC'),
    liquidity_usd Nullable(Decimal(76, 18)),
    price_quote   Nullable(Decimal(76, 18)),
    price_usd     Nullable(Decimal(76, 18))
)
ENGINE = ReplacingMergeTree
ORDER BY (chain_id, pool, block_number, block_hash)
SETTINGS index_granularity = 1024;

-- Each pool's newest state (the highest block wins), so pool stats read one row per pool.
-- Written with pool_states; retractBlocks repairs it from pool_states before deleting the
-- orphaned rows here.
CREATE TABLE IF NOT EXISTS pool_latest
(
    chain_id      UInt32,
    pool          String,
    block_number  UInt64,
    block_hash    String,
    timestamp     DateTime('UTC'),
    liquidity_usd Nullable(Decimal(76, 18)),
    price_quote   Nullable(Decimal(76, 18)),
    price_usd     Nullable(Decimal(76, 18))
)
ENGINE = ReplacingMergeTree(block_number)
ORDER BY (chain_id, pool)
SETTINGS index_granularity = 256;
