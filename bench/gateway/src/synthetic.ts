/**
 * The bench's trades: a seeded history for the HTTP queries and live blocks for the subscribers.
 * A live trade carries the time the gateway process published it, in microseconds since the
 * epoch, as its `amountIn` (a raw integer string, so it passes the event contract), which is how
 * a subscriber in another process measures block-to-subscriber latency.
 */
import type { TradeExecutedV1 } from '@tidemark/schema';

export const benchChainId = 1;
const pools = 50;
const traders = 500;

/** Address number `n` of a family (`a` pools, `d` traders, `e` tokens). */
export const address = (prefix: string, n: number): `0x${string}` =>
  `0x${prefix}${n.toString(16).padStart(40 - prefix.length, '0')}`;
const hash = (prefix: string, n: number): `0x${string}` =>
  `0x${prefix}${n.toString(16).padStart(64 - prefix.length, '0')}`;

/** Trade `i` of block `block`; `amountIn` defaults to a size derived from `i`. */
export function benchTrade(block: number, i: number, amountIn?: string): TradeExecutedV1 {
  const n = block * 1000 + i;
  return {
    type: 'TradeExecutedV1',
    chainId: benchChainId,
    blockNumber: block,
    blockHash: hash('b', block),
    timestamp: 1_700_000_000 + block * 2,
    txHash: hash('c', n),
    logIndex: i,
    protocol: 'uniswap-v2',
    pool: address('a', n % pools),
    trader: address('d', (n * 7919) % traders),
    sender: address('d', (n * 7919) % traders),
    recipient: address('d', (n * 7919) % traders),
    tokenIn: address('e', (n % pools) * 2),
    tokenOut: address('e', (n % pools) * 2 + 1),
    amountIn: amountIn ?? String(1_000_000 + ((n * 104_729) % 9_000_000)),
    amountOut: String(2_000_000 + ((n * 15_485_863) % 9_000_000)),
  };
}

/** The seeded history: `count` trades, `perBlock` to a block, starting at block 1. */
export function* historyBatches(count: number, perBlock: number, batchSize: number) {
  let batch: TradeExecutedV1[] = [];
  for (let t = 0; t < count; t += 1) {
    batch.push(benchTrade(1 + Math.floor(t / perBlock), t % perBlock));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Microseconds since the epoch, comparable across processes of one machine. */
export const nowMicros = (): number =>
  Math.round((performance.timeOrigin + performance.now()) * 1000);

/** The `subscribe` every bench subscriber sends (one shared operation on the gateway). */
export const liveSubscription =
  'subscription Live($chainId: Int) { tradeExecuted(filter: { chainId: $chainId }) { id pool trader amountIn amountOut } }';

/** The HTTP query of the request-rate measurement: a page of a chain's newest trades. */
export const tradesQuery = `query Trades($filter: TradeFilter) {
  trades(filter: $filter, first: 20) {
    edges { cursor node { id timestamp pool trader tokenIn tokenOut amountIn amountOut status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
