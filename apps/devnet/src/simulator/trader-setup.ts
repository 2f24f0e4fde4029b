import { maxUint256, parseEther, type Address } from 'viem';
import type { ContractArtifacts } from '../compile/compile-contracts';
import { priceE18, usdToAmount } from '../market/market-plan';
import type { MarketDeployment } from '../market/market-types';
import { catchUpWithWallClock } from '../chain/wall-clock';
import { withAutomine, type DevnetClients } from '../rpc/devnet-clients';
import { executeCall } from '../rpc/transactions';
import type { Trader } from './market-view';

// What each wallet starts with, per token, in USD; plus native coin wrapped into WETH.
const startingUsd = { whale: 20_000_000n, retail: 100_000n } as const;
const wrappedEth = { whale: parseEther('7000'), retail: parseEther('35') } as const;
const concurrency = 8;

/**
 * Funds every trader: the deployer mints them each token, they wrap some native coin and approve
 * the router for every token (whales also for the pools' liquidity tokens, to withdraw later).
 */
export async function setupTraders(
  clients: DevnetClients,
  artifacts: ContractArtifacts,
  deployment: MarketDeployment,
  traders: readonly Trader[],
): Promise<void> {
  await withAutomine(clients, async () => {
    const queue = [...traders];
    const worker = async () => {
      for (let trader = queue.shift(); trader; trader = queue.shift())
        await setupTrader(clients, artifacts, deployment, trader);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  });
  // Setup is over: a chain started in the past (startSecondsAgo) trades from now on.
  await catchUpWithWallClock(clients.rpcUrl);
}

async function setupTrader(
  clients: DevnetClients,
  artifacts: ContractArtifacts,
  deployment: MarketDeployment,
  trader: Trader,
) {
  const { deployer, router, weth } = deployment;
  const from = trader.address;
  const mints = deployment.tokens
    .filter((token) => token.address !== weth)
    .map((token) => {
      const amount = usdToAmount(
        startingUsd[trader.kind],
        priceE18(token.priceUsd),
        token.decimals,
      );
      return executeCall(clients, {
        from: deployer,
        to: token.address,
        abi: artifacts.DevToken.abi,
        functionName: 'mint',
        args: [from, amount],
      });
    });
  const wrap = executeCall(clients, {
    from,
    to: weth,
    abi: artifacts.WrappedNative.abi,
    functionName: 'deposit',
    value: wrappedEth[trader.kind],
  });
  const approvals = approvalTargets(deployment, trader).map((token) =>
    executeCall(clients, {
      from,
      to: token,
      abi: artifacts.DevToken.abi,
      functionName: 'approve',
      args: [router, maxUint256],
    }),
  );
  // V3-style pools pull their input from the trader, so each needs its own allowance.
  const v3Approvals = deployment.v3Pools.flatMap((pool) =>
    [pool.token0, pool.token1].map((token) =>
      executeCall(clients, {
        from,
        to: token,
        abi: artifacts.DevToken.abi,
        functionName: 'approve',
        args: [pool.address, maxUint256],
      }),
    ),
  );
  await Promise.all([...mints, wrap, ...approvals, ...v3Approvals]);
}

function approvalTargets(deployment: MarketDeployment, trader: Trader): Address[] {
  const tokens = deployment.tokens.map((token) => token.address);
  return trader.kind === 'whale'
    ? [...tokens, ...deployment.pairs.map((pair) => pair.address)]
    : tokens;
}
