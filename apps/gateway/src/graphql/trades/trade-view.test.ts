import { describe, expect, it } from 'vitest';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { statusAt, toTradeView } from './trade-view';

const address = (digit: string): `0x${string}` => `0x${digit.repeat(40)}`;
const hash = (digit: string): `0x${string}` => `0x${digit.repeat(64)}`;

const v2: TradeExecutedV1 = {
  type: 'TradeExecutedV1',
  chainId: 1,
  blockNumber: 50,
  blockHash: hash('b'),
  timestamp: 1_700_000_000,
  txHash: hash('c'),
  logIndex: 3,
  protocol: 'uniswap-v2',
  pool: address('1'),
  trader: address('2'),
  sender: address('3'),
  recipient: address('3'),
  tokenIn: address('4'),
  tokenOut: address('5'),
  amountIn: '10',
  amountOut: '20',
};

describe('statusAt', () => {
  const finalized = new Map([[1, 50]]);

  it('is finalized at or below the chain finalized block, latest above it', () => {
    expect(statusAt({ chainId: 1, blockNumber: 49 }, finalized)).toBe('finalized');
    expect(statusAt({ chainId: 1, blockNumber: 50 }, finalized)).toBe('finalized');
    expect(statusAt({ chainId: 1, blockNumber: 51 }, finalized)).toBe('latest');
  });

  it('is latest on a chain with no finalized block yet', () => {
    expect(statusAt({ chainId: 2, blockNumber: 0 }, finalized)).toBe('latest');
  });
});

describe('toTradeView', () => {
  it('gives a V2 trade null pool state and, by default, the status the event says', () => {
    expect(toTradeView(v2)).toMatchObject({
      sqrtPriceX96: null,
      liquidity: null,
      tick: null,
      status: 'latest',
    });
    expect(toTradeView({ ...v2, status: 'finalized' }).status).toBe('finalized');
  });

  it('keeps V3 pool state and takes a status derived elsewhere over the event one', () => {
    const v3: TradeExecutedV1 = {
      ...v2,
      protocol: 'uniswap-v3',
      sqrtPriceX96: '79228162514264337593543950336',
      liquidity: '0',
      tick: -5,
      status: 'latest',
    };
    expect(toTradeView(v3, 'finalized')).toMatchObject({
      sqrtPriceX96: '79228162514264337593543950336',
      liquidity: '0',
      tick: -5,
      status: 'finalized',
    });
  });
});

describe('toTradeView, gas', () => {
  it('carries the receipt gas figures, and null for trades stored without them', () => {
    const withGas = { ...v2, gasUsed: '152311', effectiveGasPrice: '31000000123' };
    expect(toTradeView(withGas)).toMatchObject({
      gasUsed: '152311',
      effectiveGasPrice: '31000000123',
    });
    expect(toTradeView(v2)).toMatchObject({ gasUsed: null, effectiveGasPrice: null });
    expect(toTradeView({ ...v2, gasUsed: '21000' })).toMatchObject({
      gasUsed: '21000',
      effectiveGasPrice: null,
    });
  });
});
