import { getAddress, type Abi, type Address, type Hash } from 'viem';
import type { ContractArtifact } from '../compile/compile-contracts';
import type { DevnetClients } from './devnet-clients';

export interface ContractCall {
  from: Address;
  to: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
  /** Set it to skip gas estimation (one round trip less per transaction). */
  gas?: bigint;
}

/** Sends a call from an unlocked node account and returns its hash without waiting. */
export function sendCall(clients: DevnetClients, call: ContractCall): Promise<Hash> {
  return clients.wallet.writeContract({
    account: call.from,
    // No chain: skips the eth_chainId round trip viem would make before every send.
    chain: null,
    address: call.to,
    abi: call.abi,
    functionName: call.functionName,
    args: call.args ?? [],
    value: call.value,
    gas: call.gas,
  });
}

/** Sends a call and waits until it is mined successfully. */
export async function executeCall(clients: DevnetClients, call: ContractCall): Promise<void> {
  const hash = await sendCall(clients, call);
  await expectSuccess(clients, hash, `${call.functionName} on ${call.to}`);
}

export async function deployContract(
  clients: DevnetClients,
  from: Address,
  artifact: ContractArtifact,
  args: readonly unknown[] = [],
): Promise<Address> {
  const hash = await clients.wallet.deployContract({
    account: from,
    chain: null,
    abi: artifact.abi,
    bytecode: artifact.bytecode,
    args,
  });
  const receipt = await expectSuccess(clients, hash, 'contract deployment');
  if (!receipt.contractAddress) throw new Error(`Deployment ${hash} produced no contract address`);
  return getAddress(receipt.contractAddress);
}

async function expectSuccess(clients: DevnetClients, hash: Hash, what: string) {
  // Under automine the receipt exists as soon as the send returns; otherwise wait for a block.
  const receipt =
    (await clients.public.getTransactionReceipt({ hash }).catch(() => undefined)) ??
    (await clients.public.waitForTransactionReceipt({
      hash,
      pollingInterval: 100,
      timeout: 30_000,
    }));
  if (receipt.status !== 'success') throw new Error(`${what} reverted (transaction ${hash})`);
  return receipt;
}
