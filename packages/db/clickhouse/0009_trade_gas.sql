-- The gas of each trade's transaction, from its receipt: gas used (a uint64 in every EVM client)
-- and the wei paid per unit of gas. NULL for trades stored before they were recorded, and
-- effective_gas_price where the node did not report it. The fee, gas_used x
-- effective_gas_price, belongs to the transaction: every trade of it repeats the same figures.
-- IF NOT EXISTS keeps a rerun harmless (a crash before the version was recorded).
ALTER TABLE trades
    ADD COLUMN IF NOT EXISTS gas_used            Nullable(UInt64),
    ADD COLUMN IF NOT EXISTS effective_gas_price Nullable(UInt256);
