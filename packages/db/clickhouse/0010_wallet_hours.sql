-- The hourly wallet rows again, wallet first: one wallet's window totals and hourly PnL history,
-- and rebuilding a touched wallet's days, read its own rows only. Filled by wallet_hours_mv (rows
-- of wallet_activity are replaced, never deleted, so the copy made at insert time stays exact
-- through retractions). IF NOT EXISTS keeps a rerun harmless; so does the backfill, whose copies
-- carry the same version and fold into one row.
CREATE TABLE IF NOT EXISTS wallet_hours
(
    wallet           String,
    chain_id         UInt32,
    hour             DateTime('UTC'),
    volume_usd       Decimal(76, 18),
    fees_usd         Decimal(76, 18),
    gas_fees_usd     Decimal(76, 18),
    realized_pnl_usd Decimal(76, 18),
    trades           UInt32,
    wins             UInt32,
    closes           UInt32,
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (wallet, chain_id, hour)
SETTINGS index_granularity = 256;

-- The view first, then the backfill: a row written in between is copied twice, never missed.
CREATE MATERIALIZED VIEW IF NOT EXISTS wallet_hours_mv TO wallet_hours AS
SELECT wallet, chain_id, hour, volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins,
    closes, version
FROM wallet_activity;

INSERT INTO wallet_hours
SELECT wallet, chain_id, hour, volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins,
    closes, version
FROM wallet_activity FINAL;
