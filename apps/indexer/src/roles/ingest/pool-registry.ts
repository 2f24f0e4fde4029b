import {
  judgeCreatedPool,
  judgeStrangerPool,
  poolFact,
  type ChainReader,
  type DecodedEntry,
  type DiscoveryPolicy,
  type OltpStore,
  type PoolCreation,
  type PoolRecord,
  type PoolTokens,
} from '@tidemark/domain';
import type { Protocol } from '@tidemark/schema';
import type { Logger } from 'pino';
import type { ChainConfig } from '../../config/chains';
import { readPoolOrigin } from '../../adapters/metadata/pool-origin';
import type { ChainMetadata } from '../../adapters/metadata/chain-metadata';
import { backfillFactoryPools } from './factory-backfill';

export interface AdmittedRange {
  /** The entries the discovery policy indexes, in their original order. */
  entries: DecodedEntry[];
  /** Tokens of every indexed pool that acted in the range. */
  pools: Map<string, PoolTokens>;
}

/**
 * Decides which pools a chain indexes (the configured discovery mode), knows their tokens and
 * whether a configured factory created them, and stores them before their events are published.
 * It is a cache over the OLTP store, the chain's creation events and the pool contracts, so
 * losing it (a restart) loses nothing. Ranges may be admitted out of order (read-ahead): a pool
 * acting before its creation event was seen is asked on chain which factory made it.
 */
export class PoolRegistry {
  private readonly known = new Map<string, PoolRecord>();
  /** Addresses whose events are dropped: pools the policy leaves out, non-pools in factory mode. */
  private readonly ignored = new Set<string>();
  /** Addresses that do not answer token0/token1: not asked again. */
  private readonly notPools = new Set<string>();
  private readonly policy: DiscoveryPolicy;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly chain: ChainReader,
    private readonly oltp: OltpStore,
    private readonly config: ChainConfig,
    private readonly meta: ChainMetadata,
    private readonly logger?: Logger,
  ) {
    this.policy = { mode: config.mode, factories: config.factories };
  }

  /** Filters a decoded range down to what is indexed; stores new pools and their tokens' metadata. */
  async admit(entries: readonly DecodedEntry[], fromBlock: number): Promise<AdmittedRange> {
    await this.prepare(fromBlock);
    const learned: PoolRecord[] = [];
    const kept: DecodedEntry[] = [];
    const acting = new Map<string, Protocol>();
    for (const entry of entries) {
      const fact = poolFact(entry.decoded);
      if (fact.kind === 'created') {
        const record = this.fromCreation(fact.creation, entry);
        if (record) learned.push(record);
        if (record) kept.push(entry);
      } else {
        if (fact.kind === 'acted') acting.set(fact.pool.toLowerCase(), fact.protocol);
        kept.push(entry);
      }
    }
    learned.push(...(await this.identify(acting)));
    if (learned.length > 0) await this.oltp.upsertPools(learned);
    const admitted = kept.filter((e) => {
      const fact = poolFact(e.decoded);
      return fact.kind !== 'acted' || !this.ignored.has(fact.pool.toLowerCase());
    });
    const pools = new Map<string, PoolTokens>();
    for (const address of acting.keys()) {
      const p = this.known.get(address);
      if (p) pools.set(address, { token0: p.token0, token1: p.token1 });
    }
    await this.meta.tokens.ensure(touchedTokens(admitted, pools, learned));
    return { entries: admitted, pools };
  }

  /** Loads the stored pools, then finds the factories' pools created before `fromBlock`. */
  private prepare(fromBlock: number): Promise<void> {
    this.ready ??= (async () => {
      for (const p of await this.oltp.getPools(this.chain.chainId)) this.remember(p);
      const found = await backfillFactoryPools({
        chain: this.chain,
        config: this.config,
        known: [...this.known.values()],
        toBlock: fromBlock - 1,
        logger: this.logger,
        admit: (creations) => this.admitCreations(creations),
      });
      this.logger?.info(
        { event: 'pools.backfilled', chainId: this.chain.chainId, pools: found },
        'factory pools found',
      );
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async admitCreations(creations: readonly DecodedEntry[]): Promise<number> {
    const records = creations.flatMap((entry) => {
      const fact = poolFact(entry.decoded);
      const record = fact.kind === 'created' ? this.fromCreation(fact.creation, entry) : null;
      return record ? [record] : [];
    });
    if (records.length > 0) await this.oltp.upsertPools(records);
    await this.meta.tokens.ensure(records.flatMap((r) => [r.token0, r.token1]));
    return records.length;
  }

  private fromCreation(creation: PoolCreation, entry: DecodedEntry): PoolRecord | null {
    const verdict = judgeCreatedPool(this.policy, creation);
    if (!verdict.index) return null;
    const record: PoolRecord = {
      chainId: this.chain.chainId,
      address: creation.pool.toLowerCase(),
      protocol: creation.protocol,
      factory: creation.factory.toLowerCase(),
      token0: creation.token0.toLowerCase(),
      token1: creation.token1.toLowerCase(),
      createdBlock: entry.log.blockNumber,
      createdBlockHash: entry.log.blockHash.toLowerCase(),
      verified: verdict.verified,
      fee: creation.fee ?? null,
    };
    this.remember(record);
    return record;
  }

  /** Asks the chain about acting addresses never seen before; returns the pools to index. */
  private async identify(acting: ReadonlyMap<string, Protocol>): Promise<PoolRecord[]> {
    const unknown = [...acting].filter(
      ([a]) => !this.known.has(a) && !this.ignored.has(a) && !this.notPools.has(a),
    );
    const origins = await Promise.all(
      unknown.map(([a, protocol]) =>
        readPoolOrigin(this.meta.reads, a, protocol, this.policy.factories),
      ),
    );
    const learned: PoolRecord[] = [];
    unknown.forEach(([address, protocol], i) => {
      const origin = origins[i] ?? null;
      const verdict = origin?.verifiedBy
        ? { index: true as const, verified: true }
        : judgeStrangerPool(this.policy);
      // A concurrent range (read-ahead) may have learnt the pool from its creation meanwhile.
      if (this.known.has(address)) return;
      if (!origin) this.notPools.add(address);
      // Open mode keeps a non-pool's events, so that the range reports them; factory mode drops them.
      if (!origin && this.policy.mode === 'factory') this.ignored.add(address);
      if (origin && !verdict.index) this.ignored.add(address);
      if (!origin || !verdict.index) return;
      const record: PoolRecord = {
        chainId: this.chain.chainId,
        address,
        protocol,
        factory: origin.verifiedBy,
        token0: origin.token0,
        token1: origin.token1,
        createdBlock: null,
        createdBlockHash: null,
        verified: verdict.verified,
        fee: origin.fee,
      };
      this.remember(record);
      learned.push(record);
    });
    return learned;
  }

  private remember(record: PoolRecord): void {
    const previous = this.known.get(record.address);
    this.known.set(record.address, {
      ...record,
      verified: record.verified || (previous?.verified ?? false),
    });
    this.ignored.delete(record.address);
  }
}

/** Every token a transfer or an indexed pool of the range touches. */
function touchedTokens(
  entries: readonly DecodedEntry[],
  pools: ReadonlyMap<string, PoolTokens>,
  learned: readonly PoolRecord[],
): Set<string> {
  const tokens = new Set<string>();
  for (const { decoded } of entries) if (decoded.kind === 'transfer') tokens.add(decoded.token);
  for (const p of [...pools.values(), ...learned]) tokens.add(p.token0).add(p.token1);
  return tokens;
}
