import { loadContractArtifacts, type MarketDeployment } from '@tidemark/devnet';
import {
  createPublicClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type Hash,
} from 'viem';

/**
 * Deploys a pool contract straight from a wallet, so no factory announces it, gives it
 * liquidity and swaps through it `swaps` times: a swap-emitting stranger on a real chain.
 */
export async function deployStrangerPool(
  rpcUrl: string,
  deployment: MarketDeployment,
  swaps: number,
): Promise<{ address: Address; swapTxs: Hash[] }> {
  const artifacts = await loadContractArtifacts();
  const transport = http(rpcUrl);
  const reader = createPublicClient({ transport, pollingInterval: 50 });
  const wallet = createWalletClient({ transport });
  const from = deployment.deployer;
  const mined = async (hash: Hash) => {
    const receipt = await reader.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const send = (to: Address, abi: Abi, functionName: string, args: readonly unknown[]) =>
    wallet
      .writeContract({ account: from, chain: null, address: to, abi, functionName, args })
      .then(mined);
  const [a, b] = deployment.tokens.filter((t) => t.symbol !== 'WETH');
  if (!a || !b) throw new Error('the devnet market has fewer than two DevTokens');
  const [t0, t1] = a.address.toLowerCase() < b.address.toLowerCase() ? [a, b] : [b, a];
  const deployed = await mined(
    await wallet.deployContract({
      account: from,
      chain: null,
      abi: artifacts.DexPair.abi,
      bytecode: artifacts.DexPair.bytecode,
      args: [t0.address, t1.address],
    }),
  );
  const pool = deployed.contractAddress as Address;
  const unit0 = 10n ** BigInt(t0.decimals);
  const unit1 = 10n ** BigInt(t1.decimals);
  const token = artifacts.DevToken.abi;
  await send(t0.address, token, 'transfer', [pool, 1_000n * unit0]);
  await send(t1.address, token, 'transfer', [pool, 1_000n * unit1]);
  await send(pool, artifacts.DexPair.abi, 'mint', [from]);
  const swapTxs: Hash[] = [];
  for (let i = 0; i < swaps; i++) {
    // 1% of the reserve in, well under 1% of the other reserve out: the invariant holds.
    await send(t0.address, token, 'transfer', [pool, 10n * unit0]);
    const receipt = await send(pool, artifacts.DexPair.abi, 'swap', [0n, 5n * unit1, from, '0x']);
    swapTxs.push(receipt.transactionHash);
  }
  return { address: pool, swapTxs };
}
