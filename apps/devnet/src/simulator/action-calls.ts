import type { Address } from 'viem';
import type { ContractArtifacts } from '../compile/compile-contracts';
import type { ContractCall } from '../rpc/transactions';
import type { PlannedLiquidityChange } from './liquidity-planner';
import type { PlannedSwap } from './swap-planner';
import type { PlannedV3Swap } from './v3-swap-planner';

export type PlannedAction = PlannedSwap | PlannedLiquidityChange | PlannedV3Swap;

// Fixed gas limits spare an eth_estimateGas per transaction; each is well above the real use.
const gasLimits = { singleHop: 250_000n, perExtraHop: 120_000n, liquidity: 350_000n } as const;

export interface CallContext {
  artifacts: ContractArtifacts;
  router: Address;
  /** Unix seconds after which the router rejects the transaction. */
  deadline: bigint;
  /** Liquidity tokens to burn for a removal (already scaled by the planned percentage). */
  liquidityToBurn?: bigint;
}

/** Turns a planned action into the router call that carries it out. */
export function actionToCall(action: PlannedAction, context: CallContext): ContractCall {
  const base = {
    from: action.trader.address,
    to: context.router,
    abi: context.artifacts.DexRouter.abi,
  };
  switch (action.kind) {
    case 'swap':
      return { ...base, ...swapCall(action, context.deadline) };
    case 'swapV3': {
      // Traders call the V3-style pool directly (it pulls the input with transferFrom).
      const { trader, pool, zeroForOne, amountIn } = action;
      return {
        from: trader.address,
        to: pool.address,
        abi: context.artifacts.DexV3Pool.abi,
        functionName: 'swap',
        args: [trader.address, zeroForOne, amountIn, 0n],
        gas: gasLimits.singleHop,
      };
    }
    case 'addLiquidity': {
      const { pair } = action;
      const args = [
        pair.token0.address,
        pair.token1.address,
        action.amount0,
        action.amount1,
        0n,
        0n,
        action.trader.address,
        context.deadline,
      ];
      return { ...base, functionName: 'addLiquidity', args, gas: gasLimits.liquidity };
    }
    case 'removeLiquidity': {
      const { pair } = action;
      const liquidity = context.liquidityToBurn ?? 0n;
      const args = [
        pair.token0.address,
        pair.token1.address,
        liquidity,
        0n,
        0n,
        action.trader.address,
        context.deadline,
      ];
      return { ...base, functionName: 'removeLiquidity', args, gas: gasLimits.liquidity };
    }
    default: {
      const unhandled: never = action;
      throw new Error(`Unhandled action ${JSON.stringify(unhandled)}`);
    }
  }
}

function swapCall(
  swap: PlannedSwap,
  deadline: bigint,
): Pick<ContractCall, 'functionName' | 'args' | 'value' | 'gas'> {
  const gas = gasLimits.singleHop + gasLimits.perExtraHop * BigInt(swap.path.length - 2);
  const to = swap.trader.address;
  switch (swap.method) {
    case 'swapExactTokensForTokens':
    case 'swapExactTokensForETH':
      return {
        functionName: swap.method,
        args: [swap.amountIn, swap.minAmountOut, swap.path, to, deadline],
        gas,
      };
    case 'swapExactETHForTokens':
      return {
        functionName: swap.method,
        args: [swap.minAmountOut, swap.path, to, deadline],
        value: swap.amountIn,
        gas,
      };
    default: {
      const unhandled: never = swap.method;
      throw new Error(`Unhandled swap method ${String(unhandled)}`);
    }
  }
}
