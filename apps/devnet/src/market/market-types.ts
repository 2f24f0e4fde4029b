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

/** A token with non-standard metadata; null fields are those it cannot answer sensibly. */
export interface DeployedOddToken {
  address: Address;
  contract: 'Bytes32Token' | 'NoDecimalsToken';
  symbol: string | null;
  name: string | null;
  decimals: number | null;
}

/** A pool of the V3-compatible factory (Uniswap V3 events, constant-product pricing). */
export interface DeployedV3Pool extends DeployedPair {
  /** Fee tier in hundredths of a basis point (500 = 0.05%). */
  fee: number;
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
  /** The V3-compatible factory, which emits Uniswap V3's PoolCreated. */
  v3Factory: Address;
  v3Pools: DeployedV3Pool[];
  /** Tokens with non-standard metadata (bytes32 symbol, reverting decimals); in no pair. */
  oddTokens: DeployedOddToken[];
  /** The Multicall3-compatible contract's address (the canonical Multicall3 address). */
  multicall3: Address;
  /** First block that holds a market transaction: where an indexer can start. */
  startBlock: number;
}
