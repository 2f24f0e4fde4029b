import { getAddress, maxUint256, type Address } from 'viem';
import type { Logger } from 'pino';
import { loadContractArtifacts, type ContractArtifacts } from '../compile/compile-contracts';
import { defaultLogger } from '../logger';
import {
  createDevnetClients,
  nodeAccounts,
  withAutomine,
  type DevnetClients,
} from '../rpc/devnet-clients';
import { deployContract, executeCall } from '../rpc/transactions';
import {
  initialSupplyWholeTokens,
  pairSpecs,
  priceE18,
  tokenSpecs,
  usdToAmount,
  wethSpec,
} from './market-plan';
import { deployMulticall, deployOddTokens } from './deploy-metadata-fixtures';
import { deployV3Pools } from './deploy-v3-pools';
import type { DeployedPair, DeployedToken, MarketDeployment } from './market-types';

export interface DeployMarketOptions {
  logger?: Logger;
}

interface DeployContext {
  clients: DevnetClients;
  artifacts: ContractArtifacts;
  deployer: Address;
}

/**
 * Deploys the tokens, WETH, factory and router on a devnet node, creates the pairs and seeds
 * their liquidity at the planned prices. Compiles the contracts first if their sources changed.
 */
export async function deployMarket(
  rpcUrl: string,
  options: DeployMarketOptions = {},
): Promise<MarketDeployment> {
  const startedAt = Date.now();
  const artifacts = await loadContractArtifacts();
  const clients = createDevnetClients(rpcUrl);
  const [deployer] = await nodeAccounts(clients);
  const chainId = await clients.public.getChainId();
  const logger = (options.logger ?? defaultLogger).child({ chainId });
  const context: DeployContext = { clients, artifacts, deployer: deployer! };
  const startBlock = Number(await clients.public.getBlockNumber()) + 1;

  const deployment = await withAutomine(clients, async () => {
    const tokens = await deployTokens(context);
    const weth = tokens.find((token) => token.symbol === wethSpec.symbol)!.address;
    const factory = await deployContract(clients, context.deployer, artifacts.DexFactory);
    const router = await deployContract(clients, context.deployer, artifacts.DexRouter, [
      factory,
      weth,
    ]);
    const pairs = await createPairs(context, factory, router, tokens);
    const v3 = await deployV3Pools({ ...context, tokens, weth });
    const multicall3 = await deployMulticall(clients, artifacts, context.deployer);
    const oddTokens = await deployOddTokens(clients, artifacts, context.deployer);
    return {
      chainId,
      rpcUrl,
      deployer: context.deployer,
      factory,
      router,
      weth,
      tokens,
      pairs,
      v3Factory: v3.factory,
      v3Pools: v3.pools,
      oddTokens,
      multicall3,
      startBlock,
    };
  });
  logger.info(
    {
      event: 'market.deployed',
      ms: Date.now() - startedAt,
      pairs: deployment.pairs.length,
      router: deployment.router,
    },
    'devnet market deployed',
  );
  return deployment;
}

async function deployTokens({
  clients,
  artifacts,
  deployer,
}: DeployContext): Promise<DeployedToken[]> {
  const weth = await deployContract(clients, deployer, artifacts.WrappedNative);
  const minted = await Promise.all(
    tokenSpecs.map(async (spec) => {
      const supply = initialSupplyWholeTokens * 10n ** BigInt(spec.decimals);
      const address = await deployContract(clients, deployer, artifacts.DevToken, [
        spec.name,
        spec.symbol,
        spec.decimals,
        supply,
      ]);
      return { ...spec, address };
    }),
  );
  return [{ ...wethSpec, address: weth }, ...minted];
}

async function createPairs(
  context: DeployContext,
  factory: Address,
  router: Address,
  tokens: DeployedToken[],
): Promise<DeployedPair[]> {
  const { clients, artifacts, deployer } = context;
  const bySymbol = new Map(tokens.map((token) => [token.symbol, token]));
  await wrapNativeForLiquidity(context, bySymbol.get(wethSpec.symbol)!.address);
  await Promise.all(
    tokens.map((token) =>
      executeCall(clients, {
        from: deployer,
        to: token.address,
        abi: artifacts.DevToken.abi,
        functionName: 'approve',
        args: [router, maxUint256],
      }),
    ),
  );
  const pairs: DeployedPair[] = [];
  for (const spec of pairSpecs) {
    const base = bySymbol.get(spec.base)!;
    const quote = bySymbol.get(spec.quote)!;
    pairs.push(await seedPair(context, { factory, router }, base, quote, spec.liquidityUsd));
  }
  return pairs;
}

/** Deposits `liquidityUsd` of each token; the router creates the pair (PairCreated) on the way. */
async function seedPair(
  { clients, artifacts, deployer }: DeployContext,
  { factory, router }: { factory: Address; router: Address },
  base: DeployedToken,
  quote: DeployedToken,
  liquidityUsd: bigint,
): Promise<DeployedPair> {
  const baseAmount = usdToAmount(liquidityUsd, priceE18(base.priceUsd), base.decimals);
  const quoteAmount = usdToAmount(liquidityUsd, priceE18(quote.priceUsd), quote.decimals);
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
  await executeCall(clients, {
    from: deployer,
    to: router,
    abi: artifacts.DexRouter.abi,
    functionName: 'addLiquidity',
    args: [base.address, quote.address, baseAmount, quoteAmount, 0n, 0n, deployer, deadline],
  });
  const pair = (await clients.public.readContract({
    address: factory,
    abi: artifacts.DexFactory.abi,
    functionName: 'getPair',
    args: [base.address, quote.address],
  })) as Address;
  const [token0, token1] =
    base.address.toLowerCase() < quote.address.toLowerCase() ? [base, quote] : [quote, base];
  return {
    address: getAddress(pair),
    token0: token0.address,
    token1: token1.address,
    symbol0: token0.symbol,
    symbol1: token1.symbol,
  };
}

async function wrapNativeForLiquidity(
  { clients, artifacts, deployer }: DeployContext,
  weth: Address,
): Promise<void> {
  const wethPrice = priceE18(wethSpec.priceUsd);
  const needed = pairSpecs
    .filter((spec) => spec.base === wethSpec.symbol || spec.quote === wethSpec.symbol)
    .reduce((sum, spec) => sum + usdToAmount(spec.liquidityUsd, wethPrice, wethSpec.decimals), 0n);
  await executeCall(clients, {
    from: deployer,
    to: weth,
    abi: artifacts.WrappedNative.abi,
    functionName: 'deposit',
    value: needed,
  });
}
