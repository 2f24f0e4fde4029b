-- Per wallet, chain and UTC hour: rebuilt from priced_trades by recomputeWalletActivity, like
-- candles (replacement rows with a newer version; trades = 0 when emptied, skipped by readers).
-- Hour first: a 24h leaderboard reads 24 hours of rows. Fees are pool fees; gas separately.
CREATE TABLE IF NOT EXISTS wallet_activity
(
    chain_id         UInt32,
    hour             DateTime('UTC'),
    wallet           String,
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
ORDER BY (chain_id, hour, wallet)
SETTINGS index_granularity = 256;

-- wallet_activity summed per UTC day (rebuilt from it), day first: 7d and 30d leaderboards read
-- whole days here and only the partial days at the window's edges from the hourly table.
CREATE TABLE IF NOT EXISTS wallet_activity_daily
(
    chain_id         UInt32,
    day              DateTime('UTC'),
    wallet           String,
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
ORDER BY (chain_id, day, wallet)
SETTINGS index_granularity = 256;

-- The daily wallet rows again, wallet first: a wallet's all-time totals and PnL history read its
-- own rows only. Filled by wallet_days_mv below.
CREATE TABLE IF NOT EXISTS wallet_days
(
    wallet           String,
    chain_id         UInt32,
    day              DateTime('UTC'),
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
ORDER BY (wallet, chain_id, day)
SETTINGS index_granularity = 256;

-- Copies each daily row as inserted, version included (rows are replaced, never deleted, so the
-- copy stays exact through retractions).
CREATE MATERIALIZED VIEW IF NOT EXISTS wallet_days_mv TO wallet_days AS
SELECT wallet, chain_id, day, volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins,
    closes, version
FROM wallet_activity_daily;

-- All-time totals per wallet and chain, and across chains under chain_id = 0 (no chain has id 0),
-- rebuilt from wallet_days by recomputeWalletActivity: the all-time leaderboard reads one row per
-- wallet instead of summing its history.
CREATE TABLE IF NOT EXISTS wallet_totals
(
    chain_id         UInt32,
    wallet           String,
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
ORDER BY (chain_id, wallet)
SETTINGS index_granularity = 256;

-- Each window's totals per wallet as of one hour (the window's last), per chain and across chains
-- (scope 0): the 24h, 7d and 30d leaderboards of that hour read one row per wallet instead of
-- summing a window of rows. refreshLeaderboards builds an hour's snapshot in full and then marks it
-- complete in wallet_window_snapshots; recomputeWalletActivity rebuilds the touched wallets' rows
-- of the valid snapshot of each window: the last one built; the refresh deletes the others.
CREATE TABLE IF NOT EXISTS wallet_window_totals
(
    window_h         UInt16,
    scope            UInt32,
    as_of            DateTime('UTC'),
    wallet           String,
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
PARTITION BY toYYYYMMDD(as_of)
ORDER BY (window_h, scope, as_of, wallet)
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS wallet_window_snapshots
(
    window_h UInt16,
    as_of    DateTime('UTC'),
    version  UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (window_h, as_of);
