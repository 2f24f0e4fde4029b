// Hardhat 2 configuration for the local devnet node. The parent process passes every setting
// through environment variables so that one file serves any number of chains side by side.

function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const chainId = intFromEnv('DEVNET_CHAIN_ID', 31337);
const blockTimeMs = intFromEnv('DEVNET_BLOCK_TIME_MS', 1000);
const accountCount = intFromEnv('DEVNET_ACCOUNTS', 48);
// ISO date of the genesis block (see startSecondsAgo in start-chain.ts); unset: now.
const initialDate = process.env.DEVNET_INITIAL_DATE || undefined;

/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  // Relative to root. Contracts are compiled by our own solcjs step, so Hardhat gets an empty
  // sources folder; its cache stays with the other generated (git-ignored) files.
  paths: {
    root: __dirname,
    sources: 'artifacts/hardhat/no-sources',
    cache: 'artifacts/hardhat/cache',
    artifacts: 'artifacts/hardhat/artifacts',
  },
  networks: {
    hardhat: {
      chainId,
      hardfork: 'cancun',
      ...(initialDate === undefined ? {} : { initialDate }),
      loggingEnabled: false,
      blockGasLimit: 60_000_000,
      initialBaseFeePerGas: 1_000_000_000,
      mining: { auto: false, interval: blockTimeMs, mempool: { order: 'fifo' } },
      accounts: {
        mnemonic: 'test test test test test test test test test test test junk',
        count: accountCount,
        accountsBalance: '1000000000000000000000000',
      },
    },
  },
};
