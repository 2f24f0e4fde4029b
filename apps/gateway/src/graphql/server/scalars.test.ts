import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DecimalScalar } from './scalars';

describe('Decimal', () => {
  it.each(['0', '-0.25', '1234.5', '000.1', '-1.000000000000000001', '1'.repeat(60)])(
    'passes %s through unchanged',
    (value) => {
      expect(DecimalScalar.serialize(value)).toBe(value);
      expect(DecimalScalar.parseValue(value)).toBe(value);
      expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value })).toBe(value);
    },
  );

  it.each(['', '1e5', '+1', '.5', '5.', '1.0000000000000000001', ' 1', 'NaN', '1,5'])(
    'refuses %j as input with a clear message',
    (value) => {
      expect(() => DecimalScalar.parseValue(value)).toThrow(/invalid Decimal .*plain decimal/);
    },
  );

  it('refuses numbers: a float would already have lost digits', () => {
    expect(() => DecimalScalar.parseValue(0.1)).toThrow(/invalid Decimal 0.1/);
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '0.1' })).toThrow(
      /invalid Decimal "<FloatValue>"/,
    );
    expect(() => DecimalScalar.serialize(12.5)).toThrow(TypeError);
  });
});
