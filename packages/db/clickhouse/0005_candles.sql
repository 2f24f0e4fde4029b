-- OHLCV per pool, interval (interval_s: 60, 300, 900, 3600, 14400 or 86400) and bucket start.
-- Rebuilt from priced_trades by the store's recomputeCandles, which inserts replacement rows with
-- a newer version; a bucket whose trades were retracted gets trades = 0 and readers skip it.
-- Prices are NULL when no trade of the bucket had one (USD, or quote tokens where decimals were
-- unknown).
CREATE TABLE IF NOT EXISTS candles
(
    chain_id       UInt32,
    pool           String,
    interval_s     UInt32,
    bucket         DateTime('UTC'),
    open_usd       Nullable(Decimal(76, 18)),
    high_usd       Nullable(Decimal(76, 18)),
    low_usd        Nullable(Decimal(76, 18)),
    close_usd      Nullable(Decimal(76, 18)),
    open_quote     Nullable(Decimal(76, 18)),
    high_quote     Nullable(Decimal(76, 18)),
    low_quote      Nullable(Decimal(76, 18)),
    close_quote    Nullable(Decimal(76, 18)),
    volume_usd     Decimal(76, 18),
    base_volume    UInt256,
    quote_volume   UInt256,
    trades         UInt32,
    buys           UInt32,
    sells          UInt32,
    unique_traders UInt32,
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (chain_id, pool, interval_s, bucket)
SETTINGS index_granularity = 1024;

-- The hourly candles again, hour first: ranking every pool by its 24h volume reads 24 hours of
-- rows instead of a slice of each pool's history. Filled by pool_activity_mv below.
CREATE TABLE IF NOT EXISTS pool_activity
(
    chain_id   UInt32,
    hour       DateTime('UTC'),
    pool       String,
    volume_usd Decimal(76, 18),
    trades     UInt32,
    buys       UInt32,
    sells      UInt32,
    version    UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (chain_id, hour, pool)
SETTINGS index_granularity = 1024;

-- Copies each hourly candle row as inserted, version included, so pool_activity holds the same
-- rows as candles (interval_s = 3600). Candles are only ever replaced by newer rows, never
-- deleted, so a copy made at insert time stays exact through retractions.
CREATE MATERIALIZED VIEW IF NOT EXISTS pool_activity_mv TO pool_activity AS
SELECT chain_id, bucket AS hour, pool, volume_usd, trades, buys, sells, version
FROM candles
WHERE interval_s = 3600;
