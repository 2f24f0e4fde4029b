import type { OltpStore, TokenMetadataReader, TokenRecord } from '@tidemark/domain';

const hasAny = (t: TokenRecord) => t.symbol !== null || t.name !== null || t.decimals !== null;

/**
 * Makes sure every token the indexer meets is described in the OLTP store: reads each unknown
 * token's metadata once and upserts it. Tokens stored with no field known are read again once
 * per process, in case an earlier run never got to read them.
 */
export class TokenCatalog {
  private readonly done = new Map<string, Promise<void>>();
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly chainId: number,
    private readonly reader: TokenMetadataReader,
    private readonly oltp: OltpStore,
  ) {}

  private load(): Promise<void> {
    this.loaded ??= this.oltp.getTokens(this.chainId).then(
      (tokens) => {
        for (const t of tokens) if (hasAny(t)) this.done.set(t.address, Promise.resolve());
      },
      (error: unknown) => {
        this.loaded = undefined;
        throw error;
      },
    );
    return this.loaded;
  }

  /** Resolves once every token in `addresses` has been read and stored. */
  async ensure(addresses: Iterable<string>): Promise<void> {
    await this.load();
    const fresh = [...new Set([...addresses].map((a) => a.toLowerCase()))].filter(
      (a) => !this.done.has(a),
    );
    if (fresh.length > 0) {
      const stored = this.reader
        .readTokens(fresh)
        .then((records) => this.oltp.upsertTokens(records));
      // Concurrent callers wait for the same read; a failure lets the next caller try again.
      const settled = stored.catch((error: unknown) => {
        for (const a of fresh) this.done.delete(a);
        throw error;
      });
      for (const a of fresh) this.done.set(a, settled);
    }
    const waits = new Set<Promise<void>>();
    for (const a of addresses) {
      const w = this.done.get(a.toLowerCase());
      if (w) waits.add(w);
    }
    await Promise.all(waits);
  }
}
