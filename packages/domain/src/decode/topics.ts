/** topic0 (keccak-256 of the signature) of every event Tidemark decodes. */
export const EventTopics = {
  /** Transfer(address,address,uint256) */
  transfer: '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
  /** PairCreated(address,address,address,uint256) — Uniswap V2 factory */
  pairCreated: '0x0d3648bd0f6ba80134a33ba9275ac585d9d315f0ad8355cddefde31afa28d0e9',
  /** Swap(address,uint256,uint256,uint256,uint256,address) — Uniswap V2 pair */
  swapV2: '0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822',
  /** Sync(uint112,uint112) — Uniswap V2 pair */
  syncV2: '0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1',
  /** Mint(address,uint256,uint256) — Uniswap V2 pair */
  mintV2: '0x4c209b5fc8ad50758f13e2e1088ba56a560dff690a1c6fef26394f4c03821c4f',
  /** Burn(address,uint256,uint256,address) — Uniswap V2 pair */
  burnV2: '0xdccd412f0b1252819cb1fd330b93224ca42612892bb3f4f789976e6d81936496',
  /** Swap(address,address,int256,int256,uint160,uint128,int24) — Uniswap V3 pool */
  swapV3: '0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67',
  /** PoolCreated(address,address,uint24,int24,address) — Uniswap V3 factory */
  poolCreatedV3: '0x783cca1c0412dd0d695e784568c96da2e9c22ff989357a2e8b1d9b2b4e6b7118',
} as const;

/** The topics the ingest role asks the RPC for. */
export const IndexedTopics: readonly string[] = [
  EventTopics.transfer,
  EventTopics.pairCreated,
  EventTopics.swapV2,
  EventTopics.syncV2,
  EventTopics.swapV3,
  EventTopics.poolCreatedV3,
];
