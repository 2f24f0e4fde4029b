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
    const missing = [...tokens].some((t) => this.known.get(t.toLowerCase()) == null);
    if (!missing) return;
    for (const token of await this.oltp.getTokens(this.chainId))
      this.known.set(token.address.toLowerCase(), token.decimals);
  }
}
