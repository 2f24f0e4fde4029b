import {
  applyTrade,
  createLedger,
  ledgerToJSON,
  type LedgerTrade,
  type OltpStore,
  type WalletLedger,
} from '@tidemark/domain';
import { walletAddress, type TradeShape } from './synthetic-trades';

/** The quote token of every synthetic pool (see generate-trades.ts), a cash token of the ledgers. */
const QUOTE_TOKEN = `0x${(20_000_000).toString(16).padStart(40, '0')}`;
const baseToken = (pool: number) => `0x${(10_000_000 + pool).toString(16).padStart(40, '0')}`;
const blockHash = (chainId: number, block: number) =>
  `0x${(chainId * 1e9 + block).toString(16).padStart(64, '0')}`;

/**
 * A wallet's ledger on one chain after a few buys and a partial sell of base tokens for the quote
 * token, built by the domain as the analytics role builds it: what `wallet { positions totals }`
 * reads from the OLTP store, priced with the token prices generate-trades.ts stores.
 */
function ledgerOf(shape: TradeShape, wallet: number, chainId: number): WalletLedger {
  const address = walletAddress(wallet);
  const trade = (i: number, pool: number, sell: boolean): LedgerTrade => {
    const base = baseToken(pool);
    const units = BigInt(1 + ((wallet + i) % 7)) * 10n ** 18n;
    const usd = BigInt((1 + pool) * 2 * (1 + ((wallet + i) % 7)));
    return {
      id: `${chainId}:${blockHash(chainId, 10 + i)}:${wallet}`,
      chainId,
      blockNumber: 10 + i,
      logIndex: 0,
      timestamp: shape.start + 20 + i * 2,
      wallet: address,
      tokenIn: sell ? base : QUOTE_TOKEN,
      amountIn: sell ? units / 2n : usd * 10n ** 6n,
      decimalsIn: sell ? 18 : 6,
      tokenOut: sell ? QUOTE_TOKEN : base,
      amountOut: sell ? (usd * 10n ** 6n) / 2n : units,
      decimalsOut: sell ? 6 : 18,
      volumeUsd: usd * 10n ** 18n,
      feeUsd: (usd * 10n ** 18n * 3n) / 1000n,
      gasFeeUsd: 10n ** 18n,
    };
  };
  const pools = [
    wallet % shape.pools,
    (wallet * 7 + 1) % shape.pools,
    (wallet * 13 + 2) % shape.pools,
  ];
  const trades = [...pools.map((p, i) => trade(i, p, false)), trade(3, pools[0] ?? 0, true)];
  const start = createLedger({ wallet: address, cashTokens: [{ chainId, token: QUOTE_TOKEN }] });
  return trades.reduce(applyTrade, start);
}

/** Registers the two chains and stores a ledger per chain for each of `wallets`. */
export async function seedLedgers(
  oltp: OltpStore,
  shape: TradeShape,
  wallets: readonly number[],
): Promise<void> {
  for (const chainId of [1, 2]) {
    await oltp.upsertChain({ chainId, name: `synthetic-${chainId}` });
    const block = 20;
    await oltp.state.commit(
      'analytics',
      chainId,
      wallets.map((w) => {
        const ledger = ledgerOf(shape, w, chainId);
        return { key: `ledger:${ledger.wallet}`, value: ledgerToJSON(ledger), blockNumber: block };
      }),
      { blockNumber: block, blockHash: blockHash(chainId, block), logIndex: 0 },
    );
  }
}
