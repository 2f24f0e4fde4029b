import type { Address, Hash } from 'viem';
import { sendCall } from '../rpc/transactions';
import { actionToCall, type PlannedAction } from './action-calls';
import type { SimulationContext } from './simulation-context';

/**
 * Waits (briefly) for the final round's transactions to be mined, so that once stop() returns,
 * every trade counted in stats() is on chain.
 */
export async function awaitLastRound(context: SimulationContext): Promise<void> {
  // A node that is already gone (Ctrl-C reaches it too) has nothing left to mine: don't wait.
  const alive = await context.clients.public.getBlockNumber({ cacheTime: 0 }).then(
    () => true,
    () => false,
  );
  if (!alive) return;
  const mined = context.lastRound.map((hash) =>
    context.clients.public
      .waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 15_000 })
      .catch(() => undefined),
  );
  await Promise.all(mined);
}

export async function execute(
  context: SimulationContext,
  action: PlannedAction,
): Promise<Hash | undefined> {
  const { clients, artifacts, deployment, stats } = context;
  try {
    let liquidityToBurn: bigint | undefined;
    if (action.kind === 'removeLiquidity') {
      const held = (await clients.public.readContract({
        address: action.pair.address,
        abi: artifacts.DexPair.abi,
        functionName: 'balanceOf',
        args: [action.trader.address],
      })) as bigint;
      liquidityToBurn = (held * BigInt(action.percent)) / 100n;
      if (action.percent === 100 || liquidityToBurn === 0n)
        providedPools(context, action.trader.address).delete(action.pair.address);
      if (liquidityToBurn === 0n) return undefined;
    }
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const hash = await sendCall(
      clients,
      actionToCall(action, { artifacts, router: deployment.router, deadline, liquidityToBurn }),
    );
    if (action.kind === 'swap') stats.trades += 1;
    else if (action.kind === 'swapV3') stats.v3Trades += 1;
    else stats.liquidityChanges += 1;
    if (action.kind === 'addLiquidity')
      providedPools(context, action.trader.address).add(action.pair.address);
    return hash;
  } catch (error) {
    stats.failed += 1;
    context.logger.warn(
      { event: 'simulator.send_failed', action: action.kind, error: String(error) },
      'transaction refused',
    );
    return undefined;
  }
}

export function providedPools(context: SimulationContext, whale: Address): Set<Address> {
  let pools = context.providing.get(whale);
  if (!pools) {
    pools = new Set();
    context.providing.set(whale, pools);
  }
  return pools;
}
