import type { Address } from 'viem';

export interface DeployedToken {
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
  /** The USD price the market was seeded at, as a decimal string. */
  priceUsd: string;
}

export interface DeployedPair {
  address: Address;
  /** The lower of the two token addresses, as in Uniswap V2. */
  token0: Address;
  token1: Address;
  symbol0: string;
  symbol1: string;
}

export interface MarketDeployment {
  chainId: number;
  rpcUrl: string;
  /** The account that deployed everything and may mint the DevTokens. */
  deployer: Address;
  factory: Address;
  router: Address;
  weth: Address;
  tokens: DeployedToken[];
  pairs: DeployedPair[];
  /** First block that holds a market transaction: where an indexer can start. */
  startBlock: number;
}
