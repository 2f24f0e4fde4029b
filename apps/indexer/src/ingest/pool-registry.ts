import type { ChainReader, OltpStore, PoolTokens } from '@tidemark/domain';

/**
 * Knows the two tokens of every pool a chain's swaps touch. It is a cache: pools come from the
 * OLTP store, from PairCreated events in the range being ingested, or from the pool contract
 * itself, so losing it (a restart) loses nothing.
 */
export class PoolRegistry {
  private readonly known = new Map<string, PoolTokens>();
  private readonly notPools = new Set<string>();
  private loaded = false;

  constructor(
    private readonly chain: ChainReader,
    private readonly oltp: OltpStore,
  ) {}

  learn(pool: string, tokens: PoolTokens): void {
    this.known.set(pool.toLowerCase(), tokens);
  }

  /** Tokens of each requested pool; addresses that are not pools are left out. */
  async resolve(pools: Iterable<string>): Promise<Map<string, PoolTokens>> {
    if (!this.loaded) {
      for (const p of await this.oltp.getPools(this.chain.chainId)) this.learn(p.address, p);
      this.loaded = true;
    }
    const out = new Map<string, PoolTokens>();
    const unknown = [...new Set(pools)].filter((p) => !this.known.has(p) && !this.notPools.has(p));
    const fetched = await Promise.all(
      unknown.map(async (p) => [p, await this.chain.readPairTokens(p)] as const),
    );
    for (const [pool, tokens] of fetched) {
      if (tokens) this.learn(pool, tokens);
      else this.notPools.add(pool);
    }
    for (const p of pools) {
      const tokens = this.known.get(p);
      if (tokens) out.set(p, tokens);
    }
    return out;
  }
}
