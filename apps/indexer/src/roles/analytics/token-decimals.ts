import type { OltpStore } from '@tidemark/domain';

/**
 * Token decimals of one chain, from the token catalog the ingest role fills. Read on demand:
 * `ensure` reloads the catalog when a batch names a token not seen yet, so `get` stays synchronous
 * for the price book. A token whose decimals are unknown is simply never priced.
 */
export class TokenDecimals {
  private readonly known = new Map<string, number | null>();

  constructor(
    private readonly oltp: Pick<OltpStore, 'getTokens'>,
    private readonly chainId: number,
  ) {}

  get = (token: string): number | null | undefined => this.known.get(token.toLowerCase());

  async ensure(tokens: Iterable<string>): Promise<void> {
    // Only a token the catalog has never listed reloads it: one listed without decimals (a token
    // that does not answer `decimals()`) stays unpriced instead of reloading it every batch.
    const missing = [...tokens].some((t) => !this.known.has(t.toLowerCase()));
    if (!missing) return;
    for (const token of await this.oltp.getTokens(this.chainId))
      this.known.set(token.address.toLowerCase(), token.decimals);
  }
}
