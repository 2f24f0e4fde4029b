import type { AnalyticsOlapStore, BalanceCursor, OltpStore, TokenBalance } from '@tidemark/domain';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { encodeFunctionData, parseAbi, type Hex } from 'viem';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTFOLIO_CONSUMER } from '../src/roles/analytics/portfolio-consumer/chain-portfolio';
import { ChainList } from '../src/config/chains';
import { rpc } from './support/chain-truth';
import { headNumber } from './support/reorg-truth';
import {
  injectReorgsWhenCaughtUp,
  startIndexerRun,
  startTradingDevnet,
  type Cleanups,
  type Mode,
} from './support/trading-run';

const BLOCK_TIME_MS = 250;
const CHAIN_ID = 31_472;
const REORG_DEPTHS = [1, 4, 8];

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

const logger = pino({ level: 'warn' });
const erc20 = parseAbi(['function balanceOf(address owner) view returns (uint256)']);

/** Fresh stores, and ingest, sink and analytics from `startBlock` on (the middle of history). */
function startRun(mode: Mode, rpcUrl: string, startBlock: number) {
  const chains = ChainList.parse([
    {
      id: CHAIN_ID,
      name: 'portfolio-net',
      rpcUrl,
      startBlock,
      pollIntervalMs: 50,
      maxBlockRange: 200,
      confirmations: 3,
    },
  ]);
  const roles = ['ingest', 'sink', 'analytics'] as const;
  return startIndexerRun({ mode, name: 'portfolio', chains, roles, logger, cleanups });
}

const portfolioBlock = async (oltp: OltpStore) =>
  (await oltp.state.position(PORTFOLIO_CONSUMER, CHAIN_ID))?.blockNumber ?? -1;

const caughtUp = (oltp: OltpStore, block: number) =>
  eventually(
    `portfolio reached block ${block}`,
    async () => (await portfolioBlock(oltp)) >= block,
    { timeoutMs: 60_000, intervalMs: 50 },
  );

/** Every (wallet, token) balance the pipeline holds for the chain. */
async function allBalances(analytics: AnalyticsOlapStore): Promise<TokenBalance[]> {
  const out: TokenBalance[] = [];
  let after: BalanceCursor | undefined;
  for (;;) {
    const page = await analytics.portfolio.chainBalances(CHAIN_ID, 1_000, after);
    out.push(...page);
    const last = page.at(-1);
    if (page.length < 1_000 || !last) return out;
    after = { wallet: last.wallet, token: last.token };
  }
}

async function balanceOnChain(url: string, token: string, wallet: string, block: number) {
  const data = encodeFunctionData({ abi: erc20, functionName: 'balanceOf', args: [wallet as Hex] });
  const raw = await rpc<string>(url, 'eth_call', [{ to: token, data }, `0x${block.toString(16)}`]);
  return raw === '0x' ? 0n : BigInt(raw);
}

describe.each(['embedded', 'server'] as const)('portfolio reconciliation (%s)', (mode) => {
  it('after reorgs, every balance the pipeline knows equals balanceOf on the chain', async () => {
    const chain = await startTradingDevnet(
      { chainId: CHAIN_ID, blockTimeMs: BLOCK_TIME_MS, seed: 11, traders: 6 },
      cleanups,
    );
    // Traders are funded and have traded before the indexer's first block: seeding matters.
    const readyAt = await headNumber(chain.rpcUrl);
    await eventually(
      'some trading history',
      async () => (await headNumber(chain.rpcUrl)) >= readyAt + 6,
      {
        timeoutMs: 30_000,
        intervalMs: 50,
      },
    );
    const startBlock = await headNumber(chain.rpcUrl);

    const live = await startRun(mode, chain.rpcUrl, startBlock);
    await injectReorgsWhenCaughtUp(
      chain.rpcUrl,
      { depths: REORG_DEPTHS, blockTimeMs: BLOCK_TIME_MS },
      (block) => caughtUp(live.oltp, block),
    );
    await chain.stopTrading();
    await caughtUp(live.oltp, await headNumber(chain.rpcUrl));
    const head = await portfolioBlock(live.oltp);
    expect(live.indexer.progress()[0]?.reorgs).toBe(REORG_DEPTHS.length);

    const balances = await allBalances(live.analytics);
    const differences: string[] = [];
    let heldBeforeStart = 0;
    for (const b of balances) {
      const truth = await balanceOnChain(chain.rpcUrl, b.token, b.wallet, head);
      if (truth.toString() !== b.balance)
        differences.push(`${b.wallet} ${b.token}: pipeline ${b.balance}, chain ${truth}`);
      const before = await balanceOnChain(chain.rpcUrl, b.token, b.wallet, startBlock - 1);
      if (before > 0n) heldBeforeStart += 1;
    }
    expect(differences).toEqual([]);
    // The comparison covers the traders and pools on every traded token, many held from before.
    expect(balances.length).toBeGreaterThan(20);
    expect(heldBeforeStart).toBeGreaterThan(5);
    expect(balances.some((b) => BigInt(b.balance) > 0n)).toBe(true);
  });
});
