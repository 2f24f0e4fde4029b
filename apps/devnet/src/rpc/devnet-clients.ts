import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Address,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from 'viem';

/**
 * The three viem clients a devnet user needs. Accounts are the node's own unlocked ones, so
 * transactions are sent with eth_sendTransaction and the node assigns nonces, even with several
 * transactions of one account waiting in the same block.
 */
export interface DevnetClients {
  rpcUrl: string;
  public: PublicClient;
  wallet: WalletClient;
  test: TestClient<'hardhat'>;
}

export function createDevnetClients(rpcUrl: string): DevnetClients {
  // Batching folds the many parallel reads and sends of a simulation round into few requests.
  const transport = http(rpcUrl, {
    batch: { batchSize: 100, wait: 5 },
    retryCount: 0,
    timeout: 20_000,
  });
  return {
    rpcUrl,
    public: createPublicClient({ transport, pollingInterval: 200 }),
    wallet: createWalletClient({ transport }),
    test: createTestClient({ mode: 'hardhat', transport }),
  };
}

export async function nodeAccounts(clients: DevnetClients): Promise<Address[]> {
  const accounts = await clients.wallet.getAddresses();
  if (accounts.length < 2) {
    throw new Error(
      `The node at ${clients.rpcUrl} has ${accounts.length} unlocked accounts; a devnet needs at least 2`,
    );
  }
  return accounts;
}

/**
 * Runs setup work with one block per transaction, so that each send returns mined (and reverts
 * surface at once) instead of waiting for the next interval block; restores the mining mode after.
 */
export async function withAutomine<T>(clients: DevnetClients, work: () => Promise<T>): Promise<T> {
  const wasAutomine = await clients.test.getAutomine();
  if (!wasAutomine) await clients.test.setAutomine(true);
  try {
    return await work();
  } finally {
    if (!wasAutomine) await clients.test.setAutomine(false);
  }
}
