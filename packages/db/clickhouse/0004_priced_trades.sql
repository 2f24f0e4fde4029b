-- Trades with their USD figures and PnL effect (the analytics role writes them). The natural key
-- is (chain_id, block_number, block_hash, log_index); the hour and pool ahead of it in the sort key
-- are functions of that key, so ReplacingMergeTree still folds a redelivered trade into the stored
-- one (the last insert wins), while candle and wallet rebuilds read only the hours they touch.
-- Prices and USD figures are exact Decimal(76, 18); NULL where a figure could not be derived
-- (price_quote: a token's decimals are unknown).
CREATE TABLE IF NOT EXISTS priced_trades
(
    chain_id         UInt32,
    block_number     UInt64,
    block_hash       String,
    log_index        UInt32,
    timestamp        DateTime('UTC'),
    tx_hash          String,
    protocol         LowCardinality(String),
    pool             String,
    trader           String,
    base_token       String,
    quote_token      String,
    side             Enum8('buy' = 1, 'sell' = 2),
    base_amount      UInt256,
    quote_amount     UInt256,
    price_quote      Nullable(Decimal(76, 18)),
    price_usd        Nullable(Decimal(76, 18)),
    volume_usd       Nullable(Decimal(76, 18)),
    fee_usd          Nullable(Decimal(76, 18)),
    gas_fee_usd      Nullable(Decimal(76, 18)),
    price_source     String,
    realized_pnl_usd Nullable(Decimal(76, 18)),
    closes_position  UInt8,
    is_win           UInt8,
    INDEX priced_trades_block_hash block_hash TYPE bloom_filter GRANULARITY 1
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (chain_id, toStartOfHour(timestamp), pool, block_number, log_index, block_hash);
