import { getAddress, type Address } from 'viem';
import type { ContractArtifacts } from '../compile/compile-contracts';
import type { DevnetClients } from '../rpc/devnet-clients';
import { deployContract } from '../rpc/transactions';
import type { DeployedOddToken } from './market-types';

/** Where Multicall3 lives on nearly every EVM chain; indexers look for it there by default. */
export const MULTICALL3_ADDRESS: Address = getAddress('0xca11bde05977b3631167028862be2a173976ca11');

const oddSupply = 1_000_000n * 10n ** 18n;

/**
 * Puts our own `aggregate3` contract at the Multicall3 address: deployed normally, then its
 * runtime code copied there (it has no constructor state, so the copy behaves the same).
 */
export async function deployMulticall(
  clients: DevnetClients,
  artifacts: ContractArtifacts,
  deployer: Address,
): Promise<Address> {
  const deployed = await deployContract(clients, deployer, artifacts.Multicall);
  const code = await clients.public.getCode({ address: deployed });
  if (!code || code === '0x') throw new Error(`Multicall at ${deployed} has no code`);
  await clients.test.setCode({ address: MULTICALL3_ADDRESS, bytecode: code });
  return MULTICALL3_ADDRESS;
}

/**
 * Deploys tokens with non-standard metadata, so indexers meet them on a real chain: one answers
 * symbol()/name() with bytes32, one has a reverting decimals() and a name that is not UTF-8.
 * Each mints its supply to the deployer (a Transfer from the zero address).
 */
export async function deployOddTokens(
  clients: DevnetClients,
  artifacts: ContractArtifacts,
  deployer: Address,
): Promise<DeployedOddToken[]> {
  const bytes32 = await deployContract(clients, deployer, artifacts.Bytes32Token, [oddSupply]);
  const noDecimals = await deployContract(clients, deployer, artifacts.NoDecimalsToken, [
    oddSupply,
  ]);
  return [
    {
      address: bytes32,
      contract: 'Bytes32Token',
      symbol: 'B32',
      name: 'Bytes32 Token',
      decimals: 9,
    },
    {
      address: noDecimals,
      contract: 'NoDecimalsToken',
      symbol: 'NODEC',
      name: null,
      decimals: null,
    },
  ];
}
