import type { Address } from 'viem';
import type { Logger } from 'pino';
import { loadContractArtifacts } from '../compile/compile-contracts';
import { defaultLogger } from '../logger';
import { priceE18 } from '../market/market-plan';
import type { MarketDeployment } from '../market/market-types';
import { createDevnetClients, nodeAccounts } from '../rpc/devnet-clients';
import type { PlannedAction } from './action-calls';
import { awaitLastRound, execute, providedPools } from './execute-action';
import { planLiquidityChange } from './liquidity-planner';
import type { MarketView, SimPair, SimToken, Trader } from './market-view';
import { createPriceModel } from './price-model';
import { createRandom } from './random';
import { planSwap } from './swap-planner';
import { setupTraders } from './trader-setup';
import { planV3Swap } from './v3-swap-planner';
import type { SimulationContext } from './simulation-context';
import {
  simulatorOptionsSchema,
  type SimulatorConfig,
  type SimulatorOptions,
  type SimulatorStats,
} from './simulator-options';

export interface MarketSimulator {
  /** Settles once every trader is funded and trading has begun; rejects if setup failed. */
  ready: Promise<void>;
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

/** Keeps a devnet market busy: every new block, traders send swaps through the router. */
export function startSimulator(options: SimulatorOptions): MarketSimulator {
  const config = simulatorOptionsSchema.parse(options);
  const logger = (options.logger ?? defaultLogger).child({ chainId: options.deployment.chainId });
  const stats: SimulatorStats = {
    trades: 0,
    v3Trades: 0,
    liquidityChanges: 0,
    failed: 0,
    rounds: 0,
  };
  const control = { stopped: false, wake: () => {} };
  const prepared = prepare(config, options.deployment, logger, stats);
  const loop = prepared
    .then(async (context) => {
      await runLoop(context, control);
      return context;
    })
    .catch((error: unknown) => {
      logger.error(
        { event: 'simulator.failed', error: String(error) },
        'market simulator stopped on an error',
      );
      return undefined;
    });
  const ready = prepared.then(() => undefined);
  // The loop reports setup errors; this only keeps an unobserved `ready` from crashing the process.
  ready.catch(() => undefined);
  return {
    ready,
    stats: () => ({ ...stats }),
    async stop() {
      control.stopped = true;
      control.wake();
      const context = await loop;
      if (context) await awaitLastRound(context);
      logger.info({ event: 'simulator.stopped', ...stats }, 'market simulator stopped');
    },
  };
}

async function prepare(
  config: SimulatorConfig,
  deployment: MarketDeployment,
  logger: Logger,
  stats: SimulatorStats,
) {
  const startedAt = Date.now();
  const clients = createDevnetClients(config.rpcUrl);
  const artifacts = await loadContractArtifacts();
  const accounts = (await nodeAccounts(clients)).slice(1);
  const wallets = accounts.slice(0, config.traders ?? accounts.length);
  const whaleCount = Math.min(config.whales, wallets.length - 1);
  const traders: Trader[] = wallets.map((address, index) => ({
    address,
    kind: index < whaleCount ? 'whale' : 'retail',
  }));
  await setupTraders(clients, artifacts, deployment, traders);
  const initialPrices = new Map(
    deployment.tokens.map((token) => [token.symbol, priceE18(token.priceUsd)]),
  );
  const context: SimulationContext = {
    config,
    clients,
    artifacts,
    deployment,
    logger,
    stats,
    pairs: simPairs(deployment),
    traders,
    random: createRandom(config.seed),
    prices: createPriceModel(initialPrices, 'USDC', {
      volatilityPpm: config.volatilityPpm,
      jumpChance: config.jumpChance,
    }),
    providing: new Map(),
    lastRound: [],
  };
  logger.info(
    {
      event: 'simulator.ready',
      wallets: traders.length,
      whales: whaleCount,
      ms: Date.now() - startedAt,
    },
    'traders funded',
  );
  return context;
}

function simPairs(deployment: MarketDeployment): SimPair[] {
  const tokens = new Map<Address, SimToken>(
    deployment.tokens.map((token) => [token.address, token]),
  );
  return deployment.pairs.map((pair) => ({
    address: pair.address,
    token0: tokens.get(pair.token0)!,
    token1: tokens.get(pair.token1)!,
  }));
}

async function runLoop(
  context: SimulationContext,
  control: { stopped: boolean; wake: () => void },
): Promise<void> {
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      control.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let lastBlock = await context.clients.public.getBlockNumber({ cacheTime: 0 });
  while (!control.stopped) {
    try {
      const block = await context.clients.public.getBlockNumber({ cacheTime: 0 });
      if (block === lastBlock) {
        await pause(context.config.pollIntervalMs);
        continue;
      }
      lastBlock = block;
      await runRound(context);
    } catch (error) {
      context.logger.warn(
        { event: 'simulator.round_failed', error: String(error) },
        'simulation round failed',
      );
      await pause(1000);
    }
  }
}

async function runRound(context: SimulationContext): Promise<void> {
  const { random, config, traders } = context;
  const jumped = context.prices.step(random);
  if (jumped.length > 0)
    context.logger.info({ event: 'simulator.price_jump', symbols: jumped }, 'prices jumped');
  const view = await readMarket(context);
  const whales = traders.filter((trader) => trader.kind === 'whale');
  const retail = traders.filter((trader) => trader.kind === 'retail');
  const actions: PlannedAction[] = [];
  for (let index = 0; index < config.tradesPerBlock; index++) {
    const swap = planSwap(
      view,
      random.chance(0.15) ? random.pick(whales) : random.pick(retail),
      random,
    );
    if (swap) actions.push(swap);
  }
  if (random.chance(config.v3Chance)) {
    const v3 = planV3Swap(view, context.deployment.v3Pools, random.pick(retail), random);
    if (v3) actions.push(v3);
  }
  if (random.chance(config.liquidityChance)) {
    const whale = random.pick(whales);
    actions.push(planLiquidityChange(view, whale, providedPools(context, whale.address), random));
  }
  const sent = await Promise.all(actions.map((action) => execute(context, action)));
  context.lastRound = sent.filter((hash) => hash !== undefined);
  context.stats.rounds += 1;
}

async function readMarket(context: SimulationContext): Promise<MarketView> {
  const abi = context.artifacts.DexPair.abi;
  const entries = await Promise.all(
    context.pairs.map(async (pair) => {
      const [reserve0, reserve1] = (await context.clients.public.readContract({
        address: pair.address,
        abi,
        functionName: 'getReserves',
      })) as [bigint, bigint, number];
      return [pair.address, { reserve0, reserve1 }] as const;
    }),
  );
  return {
    pairs: context.pairs,
    reserves: new Map(entries),
    prices: context.prices.prices(),
    weth: context.deployment.weth,
  };
}
