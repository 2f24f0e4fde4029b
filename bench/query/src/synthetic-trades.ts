import type { PricedTrade } from '@tidemark/domain';

/** What the generated history looks like. */
export interface TradeShape {
  trades: number;
  wallets: number;
  /** Per chain; chains are 1 and 2. */
  pools: number;
  days: number;
  /** First second of the history (a UTC midnight). */
  start: number;
}

export const HOUR = 3_600;

/** mulberry32: a small deterministic PRNG, so every run generates the same history. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hex = (n: number, bytes: number) => `0x${n.toString(16).padStart(bytes * 2, '0')}`;
/** Micro-units as an exact decimal string. */
const micros = (n: number) => `${Math.floor(n / 1e6)}.${String(n % 1e6).padStart(6, '0')}`;

/**
 * The trades of hour `h`, in chain order. Wallets and pools are skewed (index = N * u^3), so a few
 * wallets and pools carry most trades, as on a real DEX; about half the sells close a position.
 */
export function tradesOfHour(shape: TradeShape, h: number): PricedTrade[] {
  const rand = random(h + 1);
  const perHour = Math.round(shape.trades / (shape.days * 24));
  const hourStart = shape.start + h * HOUR;
  const logs = new Map<string, number>();
  const out: PricedTrade[] = [];
  for (let j = 0; j < perHour; j += 1) {
    const chainId = (j % 2) + 1;
    const timestamp = hourStart + Math.floor((j * HOUR) / perHour);
    const blockNumber = Math.floor((timestamp - shape.start) / 2) + 1;
    const blockKey = `${chainId}:${blockNumber}`;
    const logIndex = logs.get(blockKey) ?? 0;
    logs.set(blockKey, logIndex + 1);
    const pool = Math.floor(shape.pools * rand() ** 3);
    const trader = Math.floor(shape.wallets * rand() ** 3);
    const priceMicros = (1 + pool) * 1_000_000 + Math.floor(rand() * 50_000);
    const volumeMicros = Math.floor(rand() * 5_000_000_000);
    const sell = rand() < 0.5;
    const closes = sell && rand() < 0.6;
    const pnlMicros = Math.floor((rand() - 0.45) * 200_000_000);
    out.push({
      chainId,
      blockNumber,
      blockHash: hex(chainId * 1e9 + blockNumber, 32),
      logIndex,
      timestamp,
      txHash: hex(h * 1e6 + j, 32),
      protocol: 'uniswap-v2',
      pool: hex(chainId * 1e6 + pool, 20),
      trader: hex(trader + 1, 20),
      baseToken: hex(1e7 + pool, 20),
      quoteToken: hex(2e7, 20),
      side: sell ? 'sell' : 'buy',
      baseAmount: String(volumeMicros * 1e6),
      quoteAmount: String(volumeMicros * 1_000),
      priceQuote: micros(priceMicros),
      priceUsd: j % 50 === 0 ? null : micros(priceMicros * 2),
      volumeUsd: j % 50 === 0 ? null : micros(volumeMicros),
      feeUsd: micros(Math.floor(volumeMicros * 0.003)),
      gasFeeUsd: micros(1_500_000 + (j % 1000)),
      priceSource: 'pool:synthetic',
      realizedPnlUsd: closes ? `${pnlMicros < 0 ? '-' : ''}${micros(Math.abs(pnlMicros))}` : null,
      closesPosition: closes,
      isWin: closes && pnlMicros > 0,
    });
  }
  return out;
}

export const poolAddress = (chainId: number, pool: number) => hex(chainId * 1e6 + pool, 20);
export const walletAddress = (wallet: number) => hex(wallet + 1, 20);
