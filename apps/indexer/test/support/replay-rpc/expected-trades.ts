import { decodeEventLog, parseAbi, type Hex } from 'viem';
import { poolTokensFromTransfers } from './contract-facts';
import { num, str, type FixtureSlice, type Row } from './fixture-slice';

/** What a trade must say, as the test works it out with a generic ABI decoder. */
export interface ExpectedTrade {
  key: string;
  protocol: 'uniswap-v2' | 'uniswap-v3';
  pool: string;
  trader: string;
  tokenIn: string;
  tokenOut: string;
  amountIn: string;
  amountOut: string;
  /** The transaction's receipt figures, as decimal strings. */
  gasUsed: string;
  effectiveGasPrice: string;
  /** V3 only: the pool's state after the swap, as the event reports it. */
  sqrtPriceX96?: string;
  liquidity?: string;
  tick?: number;
}

const abi = parseAbi([
  'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
  'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);

type Decoded = ReturnType<typeof decodeEventLog<typeof abi>>;

function decode(log: Row): Decoded | null {
  try {
    return decodeEventLog({
      abi,
      topics: log.topics as [Hex, ...Hex[]],
      data: str(log.data) as Hex,
      strict: true,
    });
  } catch {
    return null; // another event, or an ERC-721 Transfer (indexed tokenId)
  }
}

/** Amounts from the pool's side: what went in (positive) and what came out (negative). */
function poolFlows(d: Decoded): [bigint, bigint] | null {
  if (d.eventName !== 'Swap') return null;
  if ('amount0' in d.args) return [d.args.amount0, d.args.amount1];
  return [d.args.amount0In - d.args.amount0Out, d.args.amount1In - d.args.amount1Out];
}

/** A receipt figure (a JSON number, or an exact string where it was too long) as decimal text. */
function decimal(value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'string')
    throw new Error(`expected a receipt figure, got ${JSON.stringify(value)}`);
  return BigInt(value).toString();
}

/** One trade per V2 or V3 Swap log of the slice, keyed `txHash:logIndex`. */
export function expectedTrades(slice: FixtureSlice): ExpectedTrade[] {
  const pools = poolTokensFromTransfers(slice);
  const txs = new Map(slice.transactions.map((t) => [str(t.hash), t]));
  const out: ExpectedTrade[] = [];
  for (const log of slice.logs) {
    const d = decode(log);
    const flows = d ? poolFlows(d) : null;
    if (!d || !flows) continue;
    const pool = str(log.address);
    const tokens = pools.get(pool);
    if (!tokens) throw new Error(`the fixture does not show the tokens of pool ${pool}`);
    const [f0, f1] = flows;
    const zeroIn = f0 > 0n;
    const tx = txs.get(str(log.transaction_hash));
    if (!tx) throw new Error(`the fixture lacks transaction ${str(log.transaction_hash)}`);
    out.push({
      key: `${str(log.transaction_hash)}:${num(log.log_index)}`,
      protocol: 'amount0' in d.args ? 'uniswap-v3' : 'uniswap-v2',
      pool,
      trader: str(tx.from_address),
      tokenIn: zeroIn ? tokens[0] : tokens[1],
      tokenOut: zeroIn ? tokens[1] : tokens[0],
      amountIn: (zeroIn ? f0 : f1).toString(),
      amountOut: (zeroIn ? -f1 : -f0).toString(),
      gasUsed: decimal(tx.receipt_gas_used),
      effectiveGasPrice: decimal(tx.receipt_effective_gas_price),
      ...('amount0' in d.args
        ? {
            sqrtPriceX96: d.args.sqrtPriceX96.toString(),
            liquidity: d.args.liquidity.toString(),
            tick: d.args.tick,
          }
        : {}),
    });
  }
  return out;
}

/** The ERC-20 transfers of the reference export, as `txHash:logIndex:token:from:to:value`. */
export function expectedErc20Transfers(slice: FixtureSlice): string[] {
  const erc20 = new Set(
    slice.logs
      .filter((l) => decode(l)?.eventName === 'Transfer')
      .map((l) => `${str(l.transaction_hash)}:${num(l.log_index)}`),
  );
  return slice.transfers
    .map((t) => ({ t, key: `${str(t.transaction_hash)}:${num(t.log_index)}` }))
    .filter(({ key }) => erc20.has(key))
    .map(
      ({ t, key }) =>
        `${key}:${str(t.token_address)}:${str(t.from_address)}:${str(t.to_address)}:${String(t.value)}`,
    );
}
