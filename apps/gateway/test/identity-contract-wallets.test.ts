import {
  loadContractArtifacts,
  startDevnetChain,
  type ContractArtifacts,
  type DevnetChain,
} from '@tidemark/devnet';
import { freePort } from '@tidemark/testkit';
import pino from 'pino';
import {
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  getContractAddress,
  http,
  pad,
  serializeErc6492Signature,
  type Address,
  type Chain,
  type LocalAccount,
  type PublicClient,
} from 'viem';
import {
  generatePrivateKey,
  mnemonicToAccount,
  privateKeyToAccount,
  toAccount,
} from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig, type Gateway } from '../src/index';
import { startHarness, type Harness } from './support/harness';
import { codeOf, IdentityClient } from './support/identity-client';

const chainId = 31337;
const signInMutation =
  'mutation ($message: String!, $signature: String!) { signIn(message: $message, signature: $signature) { user { id address } } }';
const viewerQuery = '{ viewer { address } }';
// Gateways that share the harness's nonces also share this sign-in domain, so a message signed
// for one is valid at the other.
const siweDomain = 'contract-wallets.test';

let chain: DevnetChain;
let harness: Harness;
let artifacts: ContractArtifacts;
let publicClient: PublicClient;
let deployAccount: ReturnType<typeof mnemonicToAccount>;
let devnet: Chain;
/** GATEWAY_SIWE_RPC_URLS names the devnet. */
let withRpc: Gateway;
/** GATEWAY_SIWE_RPC_URLS names a port nothing listens on. */
let withDeadRpc: Gateway;

const identityConfig = (rpcUrls: string) =>
  parseGatewayConfig({ GATEWAY_SIWE_RPC_URLS: rpcUrls, GATEWAY_SIWE_DOMAIN: siweDomain }).identity;

async function deploy(contract: 'SmartWallet' | 'SmartWalletFactory', args: unknown[]) {
  const wallet = createWalletClient({ account: deployAccount, chain: devnet, transport: http() });
  const { abi, bytecode } = artifacts[contract];
  const hash = await wallet.deployContract({ abi, bytecode, args });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  return getAddress(receipt.contractAddress!);
}

/** What a smart-wallet SDK presents: the wallet's address, signing with its owner's key. */
function contractWalletAccount(
  address: Address,
  sign: (message: string) => Promise<`0x${string}`>,
): LocalAccount {
  const unsupported = () => Promise.reject(new Error('a sign-in test account only signs messages'));
  return toAccount({
    address,
    signMessage: ({ message }) => sign(message as string),
    signTransaction: unsupported,
    signTypedData: unsupported,
  });
}

const client = (gateway: Gateway, account: LocalAccount) =>
  new IdentityClient(gateway.url, account);

/** A signed message for the shared sign-in domain, with a nonce issued by `gateway`. */
const signedFor = (gateway: Gateway, account: LocalAccount) =>
  client(gateway, account).signedMessage({ domain: siweDomain, uri: `https://${siweDomain}` });

beforeAll(async () => {
  [chain, harness, artifacts] = await Promise.all([
    startDevnetChain({ chainId, blockTimeMs: 200, accounts: 2, logger: pino({ level: 'warn' }) }),
    startHarness('identity-contract-wallets'),
    loadContractArtifacts(),
  ]);
  devnet = {
    id: chainId,
    name: 'devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [chain.rpcUrl] } },
  };
  publicClient = createPublicClient({ chain: devnet, transport: http() });
  deployAccount = mnemonicToAccount('test test test test test test test test test test test junk');
  withRpc = await harness.startGateway({ identity: identityConfig(`${chainId}=${chain.rpcUrl}`) });
  const deadUrl = `http://127.0.0.1:${await freePort()}`;
  withDeadRpc = await harness.startGateway({ identity: identityConfig(`${chainId}=${deadUrl}`) });
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await chain?.stop();
});

describe('sign-in with a deployed ERC-1271 smart wallet', () => {
  const owner = privateKeyToAccount(generatePrivateKey());
  let walletAddress: Address;
  beforeAll(async () => {
    walletAddress = await deploy('SmartWallet', [owner.address]);
  });

  it("signs in as the contract's address with its owner's signature", async () => {
    const wallet = contractWalletAccount(walletAddress, (message) =>
      owner.signMessage({ message }),
    );
    const user = client(withRpc, wallet);
    const answer = await user.post<{ signIn: { user: { address: string } } }>(
      signInMutation,
      await signedFor(withRpc, wallet),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.signIn.user.address).toBe(walletAddress.toLowerCase());
    user.cookie = answer.headers.get('set-cookie')!.split(';')[0];
    expect((await user.post(viewerQuery)).data).toEqual({
      viewer: { address: walletAddress.toLowerCase() },
    });
  });

  it("refuses another account's signature for the wallet, keeping the nonce", async () => {
    const impostor = privateKeyToAccount(generatePrivateKey());
    const signed = await signedFor(
      withRpc,
      contractWalletAccount(walletAddress, (message) => owner.signMessage({ message })),
    );
    const forged = {
      ...signed,
      signature: await impostor.signMessage({ message: signed.message }),
    };
    const refused = await client(withRpc, owner).post(signInMutation, forged);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0]!.message).toContain(
      `the signature is not ${walletAddress}'s signature of this message`,
    );
    expect(refused.errors![0]!.message).toContain(`smart-contract wallet's on chain ${chainId}`);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await client(withRpc, owner).post(signInMutation, signed)).errors).toBeUndefined();
  });

  it('refuses a contract wallet where its chain has no RPC URL, naming GATEWAY_SIWE_RPC_URLS', async () => {
    const wallet = contractWalletAccount(walletAddress, (message) =>
      owner.signMessage({ message }),
    );
    const user = client(harness.gateway, wallet);
    const refused = await user.post(signInMutation, await user.signedMessage());
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0]!.message).toContain(
      `an RPC URL in GATEWAY_SIWE_RPC_URLS, and chain ${chainId} has none`,
    );
  });

  it('answers a retryable error when the RPC node is down, and the nonce stays usable', async () => {
    const wallet = contractWalletAccount(walletAddress, (message) =>
      owner.signMessage({ message }),
    );
    const signed = await signedFor(withDeadRpc, wallet);
    const failed = await client(withDeadRpc, wallet).post(signInMutation, signed);
    expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
    const error = failed.errors![0]!;
    expect(error.message).toContain(`the RPC node of chain ${chainId} did not answer`);
    expect(error.message).toContain('Retrying later may help');
    expect(error.extensions).toMatchObject({
      retryable: true,
      errorId: expect.any(String) as string,
    });
    expect(failed.headers.get('set-cookie')).toBeNull();
    const logged = harness.logs.find(
      (line) =>
        line.event === 'graphql.dependency_unavailable' &&
        line.errorId === (error.extensions as { errorId: string }).errorId,
    );
    expect(logged).toBeDefined();
    // The same signed message, nonce and all, signs in once a node answers.
    const retried = await client(withRpc, wallet).post(signInMutation, signed);
    expect(retried.errors).toBeUndefined();
  });

  it('still signs an account in offline when the RPC node is down (ECDSA needs no node)', async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const answer = await client(withDeadRpc, account).post(
      signInMutation,
      await signedFor(withDeadRpc, account),
    );
    expect(answer.errors).toBeUndefined();
  });
});

describe('sign-in with a not-yet-deployed wallet (ERC-6492)', () => {
  it('signs in as the counterfactual address; checking it deploys nothing', async () => {
    const factory = await deploy('SmartWalletFactory', []);
    const owner = privateKeyToAccount(generatePrivateKey());
    const salt = pad('0x01');
    const { abi, bytecode } = artifacts.SmartWallet;
    const address = getContractAddress({
      opcode: 'CREATE2',
      from: factory,
      salt,
      bytecode: encodeDeployData({ abi, bytecode, args: [owner.address] }),
    });
    const factoryData = encodeFunctionData({
      abi: artifacts.SmartWalletFactory.abi,
      functionName: 'deploy',
      args: [owner.address, salt],
    });
    const wallet = contractWalletAccount(address, async (message) =>
      serializeErc6492Signature({
        address: factory,
        data: factoryData,
        signature: await owner.signMessage({ message }),
      }),
    );
    const answer = await client(withRpc, wallet).post<{ signIn: { user: { address: string } } }>(
      signInMutation,
      await signedFor(withRpc, wallet),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.signIn.user.address).toBe(address.toLowerCase());
    expect(await publicClient.getCode({ address })).toBeUndefined();
  });
});
