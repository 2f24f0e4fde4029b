import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent, formatUsd } from './format-decimal';

describe('formatUsd', () => {
  it('rounds to cents with thousands separators', () => {
    expect(formatUsd('1234.567')).toBe('$1,234.57');
    expect(formatUsd('1234.5')).toBe('$1,234.50');
    expect(formatUsd('1')).toBe('$1.00');
    expect(formatUsd('0')).toBe('$0.00');
    expect(formatUsd('-79.605')).toBe('-$79.61');
    expect(formatUsd('999.995')).toBe('$1,000.00');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(formatUsd('123456789012345678901.994')).toBe('$123,456,789,012,345,678,901.99');
  });

  it('shows about four significant digits below a dollar', () => {
    expect(formatUsd('0.5')).toBe('$0.5');
    expect(formatUsd('0.000123456')).toBe('$0.0001235');
    expect(formatUsd('-0.25')).toBe('-$0.25');
  });

  it('shows a dash for a missing figure and anything else unchanged', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd('abc')).toBe('abc');
  });
});

describe('formatPercent', () => {
  it('signs the change', () => {
    expect(formatPercent('0.25')).toBe('+25.00%');
    expect(formatPercent('-0.031')).toBe('-3.10%');
    expect(formatPercent('0')).toBe('0.00%');
    expect(formatPercent('1.5')).toBe('+150.00%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('prints UTC minutes', () => {
    expect(formatDateTime(1_700_000_000)).toBe('2023-11-14 22:13 UTC');
    expect(formatDateTime(null)).toBe('—');
  });
});
