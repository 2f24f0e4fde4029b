// Starts local chains with a deployed market and a running simulator, prints how to reach them,
// and keeps going until interrupted.
import { pino, type Logger } from 'pino';
import { parseCliConfig, type CliConfig } from './cli-config';
import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type DevnetChain,
  type MarketDeployment,
  type MarketSimulator,
} from './index';

interface RunningChain {
  chain: DevnetChain;
  market: MarketDeployment;
  simulator: MarketSimulator;
}

async function startOne(config: CliConfig, index: number, logger: Logger): Promise<RunningChain> {
  const chainId = config.chainIds[index]!;
  const chain = await startDevnetChain({
    chainId,
    port: config.ports[index],
    blockTimeMs: config.blockTimeMs,
    logger,
  });
  const market = await deployMarket(chain.rpcUrl, { logger });
  const simulator = startSimulator({
    rpcUrl: chain.rpcUrl,
    deployment: market,
    tradesPerBlock: config.tradesPerBlock,
    seed: config.seed + index,
    logger,
  });
  await simulator.ready;
  return { chain, market, simulator };
}

function printSummary(running: RunningChain[], startedAt: number): void {
  const lines = [`devnet ready in ${Date.now() - startedAt} ms`];
  for (const { market } of running) {
    lines.push(
      `  chain ${market.chainId}: ${market.rpcUrl}  factory ${market.factory}  router ${market.router}  from block ${market.startBlock}`,
    );
  }
  const chains = running.map(({ market }) => ({
    id: market.chainId,
    name: `devnet-${market.chainId}`,
    rpcUrl: market.rpcUrl,
  }));
  lines.push(`TIDEMARK_CHAINS='${JSON.stringify(chains)}'`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const config = parseCliConfig(process.argv.slice(2), process.env);
  const logger = pino({ level: config.logLevel, base: { service: 'devnet' } });
  const startedAt = Date.now();
  const running = await Promise.all(
    config.chainIds.map((_, index) => startOne(config, index, logger)),
  );
  printSummary(running, startedAt);
  const statsTimer = setInterval(() => {
    for (const { market, simulator } of running)
      logger.info(
        { event: 'simulator.stats', chainId: market.chainId, ...simulator.stats() },
        'simulator stats',
      );
  }, 10_000);
  const shutdown = async () => {
    clearInterval(statsTimer);
    await Promise.all(running.map(({ simulator }) => simulator.stop()));
    await Promise.all(running.map(({ chain }) => chain.stop()));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `devnet failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
