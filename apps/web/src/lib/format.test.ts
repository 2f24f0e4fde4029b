import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatTime, shortenAddress } from './format';

describe('formatAmount', () => {
  it('groups digits in threes', () => {
    expect(formatAmount('0')).toBe('0');
    expect(formatAmount('999')).toBe('999');
    expect(formatAmount('1000')).toBe('1,000');
    expect(formatAmount('1234567')).toBe('1,234,567');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    const wei = '123456789012345678901234567890';
    expect(formatAmount(wei)).toBe('123,456,789,012,345,678,901,234,567,890');
    expect(formatAmount(wei).replaceAll(',', '')).toBe(wei);
  });

  it('handles signs and leading zeros', () => {
    expect(formatAmount('-1234')).toBe('-1,234');
    expect(formatAmount('0001234')).toBe('1,234');
    expect(formatAmount('-000')).toBe('0');
  });

  it('shows anything that is not an integer unchanged', () => {
    expect(formatAmount('1.5')).toBe('1.5');
    expect(formatAmount('abc')).toBe('abc');
    expect(formatAmount('')).toBe('');
  });
});

describe('formatCount', () => {
  it('formats numbers and shows a dash for unknown values', () => {
    expect(formatCount(18_000_123)).toBe('18,000,123');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });
});

describe('shortenAddress', () => {
  it('keeps the prefix and the last four characters', () => {
    expect(shortenAddress('0xabcdef0123456789abcdef0123456789abcd1234')).toBe('0xabcd…1234');
  });

  it('leaves short strings alone', () => {
    expect(shortenAddress('0xabc')).toBe('0xabc');
  });
});

describe('formatTime', () => {
  it('prints UTC wall-clock time', () => {
    expect(formatTime(0)).toBe('00:00:00');
    expect(formatTime(1_700_000_000)).toBe('22:13:20');
  });

  it('shows a dash for a value that is not a time', () => {
    expect(formatTime(Number.NaN)).toBe('—');
  });
});
