import type { LedgerTrade, PricedTrade, TokenPriceRecord } from '@tidemark/domain';
import {
  DAY,
  HOUR,
  NOW,
  blockHashOf,
  byteAddress,
  commitLedger,
  ledgerAfter,
  priced,
  swap,
} from './analytics';
import type { Harness } from './harness';

export const W1 = byteAddress('a1');
export const W2 = byteAddress('a2');
export const W3 = byteAddress('a3');
export const W4 = byteAddress('a4');
export const POOL = byteAddress('77');
// Chain 1: USDC (cash, 6 decimals), TKN (18) and ALT (8, never priced); chain 2: USD2 and TK2.
export const USDC = byteAddress('01');
export const TKN = byteAddress('02');
export const ALT = byteAddress('04');
export const TK2 = byteAddress('05');
export const USD2 = byteAddress('06');
const e6 = 10n ** 6n;
const e18 = 10n ** 18n;

type Leg = [token: string, raw: bigint, decimals: number];

/** W1 swaps on one chain: sells `sell`, buys `buy`, worth `usd`, with pool fee and gas in USD. */
const swapOf =
  (chainId: number) =>
  (block: number, at: number, sell: Leg, buy: Leg, usd: string, fee: string, gas: string) =>
    swap({ chainId, block, at, wallet: W1, sell, buy, usd, fee, gas });

/**
 * W1 on chain 1: buys 10 TKN for $1000 (gas $0.5 goes into their cost: $1000.5), sells 4 for $480
 * (gas $0.2 off the proceeds: 479.8 - 4/10 x 1000.5 = 79.6 realized, a win), buys 100 ALT for
 * 200 USDC (cost 200.1). On chain 2: buys 1 TK2 for $50, sells it for $40 (-10, a loss).
 */
const chain1Swaps: LedgerTrade[] = [
  swapOf(1)(201, NOW - 10 * DAY, [USDC, 1000n * e6, 6], [TKN, 10n * e18, 18], '1000', '3', '0.5'),
  swapOf(1)(202, NOW - 3 * DAY, [TKN, 4n * e18, 18], [USDC, 480n * e6, 6], '480', '1.44', '0.2'),
  swapOf(1)(203, NOW - 2 * HOUR, [USDC, 200n * e6, 6], [ALT, 10n ** 10n, 8], '200', '0.6', '0.1'),
];
const chain2Swaps: LedgerTrade[] = [
  swapOf(2)(301, NOW - 40 * DAY, [USD2, 50n * e6, 6], [TK2, e18, 18], '50', '0.15', '0'),
  swapOf(2)(302, NOW - HOUR, [TK2, e18, 18], [USD2, 40n * e6, 6], '40', '0.12', '0'),
];

type Row = [
  chainId: number,
  block: number,
  at: number,
  trader: string,
  volumeUsd: string,
  feeUsd: string | null,
  gasFeeUsd: string | null,
  pnl: string | null,
  win?: boolean,
];

/**
 * W1's trades as the analytics role priced them; W2 (5 closes, 2 wins), W3 and W4 trade too. A
 * trade with PnL closed a position.
 */
const pricedTrades: PricedTrade[] = (
  [
    [1, 201, NOW - 10 * DAY, W1, '1000', '3', '0.5', null],
    [1, 202, NOW - 3 * DAY, W1, '480', '1.44', '0.2', '79.6', true],
    [1, 203, NOW - 2 * HOUR, W1, '200', '0.6', '0.1', null],
    [2, 301, NOW - 40 * DAY, W1, '50', '0.15', '0', null],
    [2, 302, NOW - HOUR, W1, '40', '0.12', '0', '-10'],
    [1, 401, NOW - 5 * HOUR, W2, '300', null, null, '20', true],
    [1, 402, NOW - 4 * HOUR, W2, '100', null, null, '5', true],
    [1, 403, NOW - 3 * DAY + HOUR, W2, '10', null, null, '-1'],
    [1, 404, NOW - 4 * DAY + HOUR, W2, '10', null, null, '-1'],
    [1, 405, NOW - 6 * DAY + HOUR, W2, '10', null, null, '-1'],
    [1, 501, NOW - 20 * DAY, W3, '5000', null, null, '-100'],
    [2, 601, NOW - 1_800, W4, '720', null, null, '30', true],
  ] satisfies Row[]
).map(([chainId, block, at, trader, volumeUsd, feeUsd, gasFeeUsd, pnl, win]) =>
  priced({
    chainId,
    block,
    at,
    pool: POOL,
    trader,
    side: pnl === null ? 'buy' : 'sell',
    volumeUsd,
    feeUsd,
    gasFeeUsd,
    pnl,
    closes: pnl !== null,
    win: win ?? false,
  }),
);

const price = (chainId: number, token: string, block: number, priceUsd: string) =>
  ({
    chainId,
    token,
    blockNumber: block,
    blockHash: blockHashOf(chainId, block),
    timestamp: NOW - DAY + block,
    priceUsd,
    source: 'pool:test',
  }) satisfies TokenPriceRecord;

/**
 * W1's ledgers where the analytics role keeps them, everyone's priced trades and wallet activity,
 * and current prices: TKN $150 (an older one was $120), USDC and USD2 $1, TK2 $45; ALT none.
 */
export async function seedWallets(harness: Harness): Promise<void> {
  harness.setNow(NOW);
  await harness.oltp.upsertChain({ chainId: 1, name: 'one' });
  await harness.oltp.upsertChain({ chainId: 2, name: 'two' });
  await commitLedger(harness.oltp, 1, ledgerAfter(W1, 1, [USDC], chain1Swaps), 203);
  await commitLedger(harness.oltp, 2, ledgerAfter(W1, 2, [USD2], chain2Swaps), 302);
  const keys = await harness.analytics.insertPricedTrades(pricedTrades);
  await harness.analytics.recomputeWalletActivity(keys.wallets);
  await harness.analytics.insertTokenPrices([
    price(1, TKN, 201, '120'),
    price(1, TKN, 202, '150'),
    price(1, USDC, 201, '1'),
    price(2, USD2, 301, '1'),
    price(2, TK2, 302, '45'),
  ]);
}

export const totalsFields =
  'window volumeUsd feesUsd gasFeesUsd realizedPnlUsd trades closes wins winRate';

/** A `WalletTotals`: "volume fees gas pnl" in USD, then trades, closes and wins. */
export function totals(window: string, usd: string, counts: number[], winRate: string | null) {
  const [volumeUsd, feesUsd, gasFeesUsd, realizedPnlUsd] = usd.split(' ');
  const [trades, closes, wins] = counts;
  return {
    window,
    ...{ volumeUsd, feesUsd, gasFeesUsd, realizedPnlUsd },
    ...{ trades, closes, wins, winRate },
  };
}
