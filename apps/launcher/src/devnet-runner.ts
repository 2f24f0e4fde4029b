import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type MarketDeployment,
} from '@tidemark/devnet';
import type { OltpStore } from '@tidemark/domain';
import { ChainConfig } from '@tidemark/indexer';
import type { Logger } from 'pino';
import type { DevnetSettings } from './launcher-config';

export interface RunningDevnets {
  chains: ChainConfig[];
  stop(): Promise<void>;
}

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * A devnet chain lives in memory, so a second start begins a new chain. To resume indexing where
 * the first start stopped, the new chain is advanced past the stored cursor: its new blocks then
 * continue the indexed history instead of replaying block numbers already stored.
 */
/** The devnet's dollar tokens anchor USD prices; its pools are small, so the floor is low. */
function devnetPricing(deployment: MarketDeployment) {
  const dollars = deployment.tokens.filter((t) => ['USDC', 'USDT', 'DAI'].includes(t.symbol));
  return {
    stablecoins: dollars.map((t) => t.address),
    wrappedNative: deployment.weth,
    minLiquidityUsd: '1000',
  };
}

async function continuePastCursor(rpcUrl: string, chainId: number, oltp: OltpStore): Promise<void> {
  const cursor = await oltp.getCursor(chainId);
  if (!cursor) return;
  const head = Number(BigInt((await rpc(rpcUrl, 'eth_blockNumber', [])) as string));
  if (head <= cursor.blockNumber)
    await rpc(rpcUrl, 'hardhat_mine', [`0x${(cursor.blockNumber - head + 1).toString(16)}`]);
}

/** Starts the local chains with their markets and simulated traders. */
export async function startDevnets(
  settings: DevnetSettings,
  oltp: OltpStore,
  logger: Logger,
): Promise<RunningDevnets> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const chains = await Promise.all(
      settings.chains.map(async (c) => {
        const chain = await startDevnetChain({
          chainId: c.id,
          port: c.port,
          blockTimeMs: settings.blockTimeMs,
          // Deploying the market and funding the traders mine hundreds of blocks at once: done
          // in the past, then caught up (trader-setup.ts), so trades carry the wall-clock time.
          startSecondsAgo: 3600,
          logger: logger.child({ chainId: c.id }),
        });
        stops.push(() => chain.stop());
        const deployment = await deployMarket(chain.rpcUrl, { logger });
        await continuePastCursor(chain.rpcUrl, c.id, oltp);
        const simulator = startSimulator({
          rpcUrl: chain.rpcUrl,
          deployment,
          seed: c.id,
          logger: logger.child({ chainId: c.id }),
        });
        stops.push(() => simulator.stop());
        return ChainConfig.parse({
          id: c.id,
          name: c.name,
          rpcUrl: chain.rpcUrl,
          startBlock: 0,
          pollIntervalMs: 250,
          maxBlockRange: 2000,
          pricing: devnetPricing(deployment),
        });
      }),
    );
    return { chains, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
