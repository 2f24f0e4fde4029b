import type { Random } from './random';
import { scalePpm } from './bigint-math';

export interface PriceModelOptions {
  /** Typical move per block, in parts per million of the price. */
  volatilityPpm: number;
  /** Chance per block and token of a sudden jump of 3 to 12%. */
  jumpChance: number;
}

export interface PriceModel {
  /** Current target USD prices by symbol, 18-decimal fixed point. */
  prices(): ReadonlyMap<string, bigint>;
  /** Advances one block; returns the symbols that jumped. */
  step(random: Random): string[];
}

/**
 * A random walk of each token's USD price around its starting value, with occasional jumps. The
 * reference token (USDC) stays at its price. Prices stay within 1/5 and 5 times their start so a
 * long run cannot drain a pool.
 */
export function createPriceModel(
  initial: ReadonlyMap<string, bigint>,
  reference: string,
  options: PriceModelOptions,
): PriceModel {
  const current = new Map(initial);
  return {
    prices: () => current,
    step(random) {
      const jumped: string[] = [];
      for (const [symbol, price] of current) {
        if (symbol === reference) continue;
        // A sum of uniforms approximates a normal step with a cheap, seedable generator.
        const noise = random.next() + random.next() + random.next() - 1.5;
        let factorPpm = 1_000_000 + noise * 2 * options.volatilityPpm;
        if (random.chance(options.jumpChance)) {
          const size = random.int(30_000, 120_000);
          factorPpm *= (1_000_000 + (random.chance(0.5) ? size : -size)) / 1_000_000;
          jumped.push(symbol);
        }
        current.set(symbol, clamp(scalePpm(price, factorPpm), initial.get(symbol) ?? price));
      }
      return jumped;
    },
  };
}

function clamp(price: bigint, start: bigint): bigint {
  const low = start / 5n;
  const high = start * 5n;
  return price < low ? low : price > high ? high : price;
}
