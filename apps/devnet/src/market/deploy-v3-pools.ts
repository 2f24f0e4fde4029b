import { getAddress, type Address } from 'viem';
import type { ContractArtifacts } from '../compile/compile-contracts';
import type { DevnetClients } from '../rpc/devnet-clients';
import { deployContract, executeCall } from '../rpc/transactions';
import { priceE18, usdToAmount } from './market-plan';
import type { DeployedToken, DeployedV3Pool } from './market-types';

interface V3PoolSpec {
  base: string;
  quote: string;
  /** Fee tier in hundredths of a basis point, as Uniswap V3 counts it. */
  fee: number;
  liquidityUsd: bigint;
}

/** The V3-style pools: same couples as some V2 pairs, so arbitrage-free prices stay comparable. */
const v3PoolSpecs: readonly V3PoolSpec[] = [
  { base: 'WETH', quote: 'USDC', fee: 500, liquidityUsd: 2_000_000n },
  { base: 'WBTC', quote: 'WETH', fee: 3000, liquidityUsd: 1_000_000n },
];

interface V3DeployContext {
  clients: DevnetClients;
  artifacts: ContractArtifacts;
  deployer: Address;
  tokens: readonly DeployedToken[];
  weth: Address;
}

/**
 * Deploys the V3-compatible factory (PoolCreated) and its pools, seeded at the planned prices
 * from the deployer's balances (wrapping the native coin it needs for WETH).
 */
export async function deployV3Pools(
  context: V3DeployContext,
): Promise<{ factory: Address; pools: DeployedV3Pool[] }> {
  const { clients, artifacts, deployer } = context;
  const factory = await deployContract(clients, deployer, artifacts.DexV3Factory);
  const bySymbol = new Map(context.tokens.map((token) => [token.symbol, token]));
  const pools: DeployedV3Pool[] = [];
  for (const spec of v3PoolSpecs) {
    const [a, b] = [bySymbol.get(spec.base), bySymbol.get(spec.quote)];
    if (!a || !b) throw new Error(`V3 pool ${spec.base}/${spec.quote} names an unknown token`);
    pools.push(await createSeededPool(context, factory, spec, a, b));
  }
  return { factory, pools };
}

async function createSeededPool(
  { clients, artifacts, deployer, weth }: V3DeployContext,
  factory: Address,
  spec: V3PoolSpec,
  a: DeployedToken,
  b: DeployedToken,
): Promise<DeployedV3Pool> {
  const [token0, token1] = a.address.toLowerCase() < b.address.toLowerCase() ? [a, b] : [b, a];
  await executeCall(clients, {
    from: deployer,
    to: factory,
    abi: artifacts.DexV3Factory.abi,
    functionName: 'createPool',
    args: [token0.address, token1.address, spec.fee],
  });
  const pool = getAddress(
    (await clients.public.readContract({
      address: factory,
      abi: artifacts.DexV3Factory.abi,
      functionName: 'getPool',
      args: [token0.address, token1.address, spec.fee],
    })) as Address,
  );
  const amounts = [token0, token1].map((t) =>
    usdToAmount(spec.liquidityUsd, priceE18(t.priceUsd), t.decimals),
  ) as [bigint, bigint];
  for (const [i, token] of [token0, token1].entries()) {
    const amount = amounts[i] as bigint;
    if (token.address === weth) {
      await executeCall(clients, {
        from: deployer,
        to: weth,
        abi: artifacts.WrappedNative.abi,
        functionName: 'deposit',
        value: amount,
      });
    }
    await executeCall(clients, {
      from: deployer,
      to: token.address,
      abi: artifacts.DevToken.abi,
      functionName: 'approve',
      args: [pool, amount],
    });
  }
  await executeCall(clients, {
    from: deployer,
    to: pool,
    abi: artifacts.DexV3Pool.abi,
    functionName: 'addLiquidity',
    args: amounts,
  });
  return {
    address: pool,
    token0: token0.address,
    token1: token1.address,
    symbol0: token0.symbol,
    symbol1: token1.symbol,
    fee: spec.fee,
  };
}
