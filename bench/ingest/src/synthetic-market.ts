import { EventTopics, type BlockHeader, type RawLog } from '@tidemark/domain';

/** The shape of the generated chain: enough pools, tokens and wallets to look like a busy DEX. */
export interface MarketShape {
  /** Logs in the whole chain (PairCreated included); the last block may hold fewer. */
  totalLogs: number;
  logsPerBlock: number;
  pools: number;
  tokens: number;
  wallets: number;
  /** The first block number; blocks before it are empty. */
  firstBlock: number;
}

export const defaultShape: MarketShape = {
  totalLogs: 1_000_000,
  logsPerBlock: 200,
  pools: 300,
  tokens: 120,
  wallets: 5_000,
  firstBlock: 1,
};

const GENESIS_TIME = 1_700_000_000;
const BLOCK_SECONDS = 12;

const hex = (n: number | bigint, width: number) => n.toString(16).padStart(width, '0');
/** An address whose first byte says what it is, so generated addresses never collide. */
const address = (kind: number, index: number) => `0x${hex(kind, 2)}${hex(index, 38)}`;
const asTopic = (addr: string) => `0x${'0'.repeat(24)}${addr.slice(2)}`;
const word = (n: bigint) => hex(n, 64);

/** A cheap integer hash (xorshift-multiply), so every value derives from its position alone. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

interface Pool {
  address: string;
  token0: string;
  token1: string;
}

/**
 * A deterministic Uniswap-V2-style market: a factory creates the pools in the first blocks, then
 * every block holds swaps (Transfer in, Transfer out, Sync, Swap) and plain ERC-20 transfers.
 * Blocks are generated on demand, so a million logs cost no memory until they are read.
 */
export class SyntheticMarket {
  readonly factory = address(0xfa, 1);
  readonly router = address(0xee, 1);
  readonly poolList: Pool[];
  private readonly tokenList: string[];
  private readonly walletTopics: string[];
  private readonly walletList: string[];
  readonly lastBlock: number;

  constructor(readonly shape: MarketShape = defaultShape) {
    this.tokenList = Array.from({ length: shape.tokens }, (_, i) => address(0x70, i + 1));
    this.walletList = Array.from({ length: shape.wallets }, (_, i) => address(0xa0, i + 1));
    this.walletTopics = this.walletList.map(asTopic);
    this.poolList = Array.from({ length: shape.pools }, (_, i) => {
      const a = i % shape.tokens;
      const b = (a + 1 + (mix(i, 7) % (shape.tokens - 1))) % shape.tokens;
      const [t0, t1] = a < b ? [a, b] : [b, a];
      return {
        address: address(0xb0, i + 1),
        token0: this.tokenList[t0] as string,
        token1: this.tokenList[t1] as string,
      };
    });
    this.lastBlock = shape.firstBlock + Math.ceil(shape.totalLogs / shape.logsPerBlock) - 1;
  }

  header(n: number): BlockHeader {
    return {
      number: n,
      hash: blockHash(n),
      parentHash: blockHash(n - 1),
      timestamp: GENESIS_TIME + n * BLOCK_SECONDS,
    };
  }

  /** The wallet that sent transaction `tx` of block `n`. */
  senderOf(n: number, tx: number): string {
    return this.walletList[mix(n, tx) % this.walletList.length] as string;
  }

  /** Reverses txHash(): the block of a generated transaction, or undefined for a foreign hash. */
  blockOfHash(hash: string): number | undefined {
    return hash.endsWith(TX_SUFFIX) ? parseInt(hash.slice(2, 18), 16) : undefined;
  }

  /** Reverses txHash(): the sender of a generated transaction, or undefined for a foreign hash. */
  senderOfHash(hash: string): string | undefined {
    if (!hash.endsWith(TX_SUFFIX)) return undefined;
    return this.senderOf(parseInt(hash.slice(2, 18), 16), parseInt(hash.slice(18, 26), 16));
  }

  pool(address: string): Pool | undefined {
    const index = parseInt(address.slice(4), 16) - 1;
    const found = this.poolList[index];
    return found?.address === address.toLowerCase() ? found : undefined;
  }

  /** The index of a generated token, or undefined for any other address. */
  token(address: string): number | undefined {
    const index = parseInt(address.slice(4), 16) - 1;
    return this.tokenList[index] === address.toLowerCase() ? index : undefined;
  }

  /** Every log of block `n`, ordered by log index. */
  logsOf(n: number): RawLog[] {
    const { firstBlock, logsPerBlock, totalLogs, pools } = this.shape;
    if (n < firstBlock || n > this.lastBlock) return [];
    const before = (n - firstBlock) * logsPerBlock;
    const count = Math.min(logsPerBlock, totalLogs - before);
    const out: RawLog[] = [];
    const ctx = { n, hash: blockHash(n), out, tx: 0 };
    const created = Math.max(0, Math.min(pools - before, count));
    for (let i = 0; i < created; i++) this.pairCreated(ctx, before + i);
    const known = Math.min(pools, before + created);
    while (out.length < count) {
      const room = count - out.length;
      if (room >= 4 && known > 0 && mix(n, ctx.tx) % 5 < 3) this.swap(ctx, known);
      else this.transfer(ctx);
    }
    return out;
  }

  private push(ctx: Ctx, addr: string, topics: string[], data: string): void {
    ctx.out.push({
      address: addr,
      topics,
      data,
      blockNumber: ctx.n,
      blockHash: ctx.hash,
      transactionHash: txHash(ctx.n, ctx.tx),
      logIndex: ctx.out.length,
    });
  }

  private pairCreated(ctx: Ctx, index: number): void {
    const p = this.poolList[index] as Pool;
    const topics = [EventTopics.pairCreated, asTopic(p.token0), asTopic(p.token1)];
    this.push(
      ctx,
      this.factory,
      topics,
      `0x${p.address.slice(2).padStart(64, '0')}${word(BigInt(index + 1))}`,
    );
    ctx.tx += 1;
  }

  private transfer(ctx: Ctx): void {
    const r = mix(ctx.n, ctx.tx + 1_000_003);
    const token = this.tokenList[r % this.tokenList.length] as string;
    const from = this.walletTopics[mix(r, 1) % this.walletTopics.length] as string;
    const to = this.walletTopics[mix(r, 2) % this.walletTopics.length] as string;
    const value = BigInt(mix(r, 3)) * 1_000_000_000_000n + BigInt(r);
    this.push(ctx, token, [EventTopics.transfer, from, to], `0x${word(value)}`);
    ctx.tx += 1;
  }

  private swap(ctx: Ctx, known: number): void {
    const r = mix(ctx.n, ctx.tx + 2_000_003);
    const p = this.poolList[r % known] as Pool;
    const trader = asTopic(this.senderOf(ctx.n, ctx.tx));
    const pair = asTopic(p.address);
    const zeroForOne = (r & 1) === 0;
    const amountIn = BigInt(mix(r, 5)) * 1_000_000_000n + 1n;
    const amountOut = BigInt(mix(r, 6)) * 1_000_000_000n + 1n;
    const [tokenIn, tokenOut] = zeroForOne ? [p.token0, p.token1] : [p.token1, p.token0];
    this.push(ctx, tokenIn, [EventTopics.transfer, trader, pair], `0x${word(amountIn)}`);
    this.push(ctx, tokenOut, [EventTopics.transfer, pair, trader], `0x${word(amountOut)}`);
    const reserves = `0x${word(BigInt(mix(r, 7)) << 40n)}${word(BigInt(mix(r, 8)) << 40n)}`;
    this.push(ctx, p.address, [EventTopics.syncV2], reserves);
    const amounts = zeroForOne ? [amountIn, 0n, 0n, amountOut] : [0n, amountIn, amountOut, 0n];
    const swapTopics = [EventTopics.swapV2, asTopic(this.router), trader];
    this.push(ctx, p.address, swapTopics, `0x${amounts.map(word).join('')}`);
    ctx.tx += 1;
  }
}

interface Ctx {
  n: number;
  hash: string;
  out: RawLog[];
  tx: number;
}

const TX_SUFFIX = 'c0ffee'.repeat(6) + 'c0ff';
const txHash = (n: number, tx: number) => `0x${hex(n, 16)}${hex(tx, 8)}${TX_SUFFIX}`;
const blockHash = (n: number) => `0x${hex(0xb1, 2)}${hex(Math.max(n, 0), 62)}`;
