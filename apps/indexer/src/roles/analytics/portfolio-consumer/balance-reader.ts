import { decodeFunctionResult, encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { Logger } from 'pino';
import type { BatchReads } from '../../../adapters/metadata/batch-reads';

const erc20 = parseAbi(['function balanceOf(address owner) view returns (uint256)']);

export interface BalanceOfPair {
  wallet: string;
  token: string;
}

/** Reads `balanceOf(wallet)` of many (wallet, token) pairs at the end of one block. */
export type BalanceReader = (block: number, pairs: readonly BalanceOfPair[]) => Promise<bigint[]>;

function decodeBalance(answer: Hex | null): bigint | null {
  if (answer === null || answer.length < 66) return null;
  try {
    return decodeFunctionResult({ abi: erc20, functionName: 'balanceOf', data: answer });
  } catch {
    return null;
  }
}

/**
 * Balances through the chain's batched reads (Multicall3 where the chain has it). A call that
 * reverts, or answers nothing (an address without code), counts as 0: such a token's balance is
 * what its transfers say. Said once per token in the log.
 */
export function createBalanceReader(
  chainId: number,
  reads: BatchReads,
  logger: Logger,
): BalanceReader {
  const reported = new Set<string>();
  return async (block, pairs) => {
    const calls = pairs.map((p) => ({
      to: p.token,
      data: encodeFunctionData({
        abi: erc20,
        functionName: 'balanceOf',
        args: [p.wallet as Hex],
      }),
    }));
    const answers = calls.length === 0 ? [] : await reads(calls, block);
    return pairs.map((pair, i) => {
      const balance = decodeBalance(answers[i] ?? null);
      if (balance !== null) return balance;
      if (!reported.has(pair.token)) {
        reported.add(pair.token);
        logger.warn(
          { event: 'portfolio.balance_unreadable', chainId, token: pair.token, block },
          'balanceOf reverted or the token has no code: its starting balances count as 0',
        );
      }
      return 0n;
    });
  };
}
