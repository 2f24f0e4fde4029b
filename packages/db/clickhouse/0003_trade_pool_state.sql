-- Uniswap V3 pool state after each swap (sqrtPriceX96 is a uint160, liquidity a uint128, tick an
-- int24); NULL for V2 trades. IF NOT EXISTS keeps a rerun harmless: a crash between applying
-- this and recording it in schema_migrations, or two replicas migrating at once.
-- A trade's status (latest/finalized) is not stored: it changes as the chain grows.
ALTER TABLE trades
    ADD COLUMN IF NOT EXISTS sqrt_price_x96 Nullable(UInt256),
    ADD COLUMN IF NOT EXISTS liquidity      Nullable(UInt128),
    ADD COLUMN IF NOT EXISTS tick           Nullable(Int32);
