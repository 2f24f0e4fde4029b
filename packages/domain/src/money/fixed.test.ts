import { describe, expect, it } from 'vitest';
import {
  divFixed,
  divRound,
  formatFixed,
  mulFixed,
  ONE,
  parseFixed,
  tokensFromRaw,
  usdValue,
} from './fixed';

describe('Fixed decimals', () => {
  it('parses and formats exactly, both ways', () => {
    for (const text of ['0', '1', '-1', '12.5', '0.000000000000000001', '123456789012345678901.25'])
      expect(formatFixed(parseFixed(text))).toBe(text);
    expect(parseFixed('1.50')).toBe(ONE + ONE / 2n);
    expect(formatFixed(parseFixed('-0.10'))).toBe('-0.1');
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '1e5', '0x10', '1.', '.5', 'NaN', '1.0000000000000000001'])
      expect(() => parseFixed(bad)).toThrow(/decimal/);
  });

  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  it('multiplies and divides Fixed values', () => {
    expect(formatFixed(mulFixed(parseFixed('1.5'), parseFixed('2.25')))).toBe('3.375');
    expect(formatFixed(divFixed(parseFixed('1'), parseFixed('3')))).toBe('0.333333333333333333');
    expect(formatFixed(divFixed(parseFixed('2'), parseFixed('3')))).toBe('0.666666666666666667');
  });

  it('converts raw token amounts of any decimals', () => {
    expect(formatFixed(tokensFromRaw(1_500_000n, 6))).toBe('1.5');
    expect(formatFixed(tokensFromRaw(10n ** 18n, 18))).toBe('1');
    expect(formatFixed(tokensFromRaw(15n, 20))).toBe('0');
    expect(formatFixed(tokensFromRaw(150n, 20))).toBe('0.000000000000000002');
    expect(formatFixed(usdValue(2_500_000n, 6, parseFixed('0.999')))).toBe('2.4975');
  });
});
