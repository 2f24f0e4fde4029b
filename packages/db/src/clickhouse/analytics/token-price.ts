import type { ClickHouseClient } from '@clickhouse/client';
import type { TokenPriceRecord } from '@tidemark/domain';
import { pointRead, select } from './sql';
import * as v from './values';

/**
 * The newest block at or below the bound is found without FINAL (reading the key backwards stops
 * at the first row); FINAL then settles that one block's rows.
 */
const tokenPriceSql = `SELECT block_number, block_hash, toUnixTimestamp(timestamp) AS unix_time,
  toString(price_usd) AS price, source
FROM token_prices FINAL
WHERE chain_id = {chainId:UInt32} AND token = {token:String}
  AND block_number = (
    SELECT block_number FROM token_prices
    WHERE chain_id = {chainId:UInt32} AND token = {token:String} AND block_number <= {atBlock:UInt64}
    ORDER BY block_number DESC LIMIT 1)
ORDER BY block_hash
LIMIT 1`;

interface PriceRow {
  block_number: v.Int;
  block_hash: string;
  unix_time: v.Int;
  price: string;
  source: string;
}

export async function tokenPrice(
  client: ClickHouseClient,
  chainId: number,
  token: string,
  atBlock?: number,
): Promise<TokenPriceRecord | null> {
  const address = v.address(token, 'token');
  const [row] = await select<PriceRow>(
    client,
    tokenPriceSql,
    {
      chainId: v.chainId(chainId),
      token: address,
      // UInt64's top as a decimal string: a JS number cannot hold it exactly.
      atBlock: atBlock === undefined ? '18446744073709551615' : v.integer(atBlock, 'atBlock'),
    },
    pointRead,
  );
  if (!row) return null;
  return {
    chainId,
    token: address,
    blockNumber: Number(row.block_number),
    blockHash: row.block_hash,
    timestamp: Number(row.unix_time),
    priceUsd: v.decimalOut(row.price),
    source: row.source,
  };
}
