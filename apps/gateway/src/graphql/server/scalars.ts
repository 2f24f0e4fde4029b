import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badUserInput } from './errors';

const addressPattern = /^0x[0-9a-fA-F]{40}$/;
const uintPattern = /^(0|[1-9][0-9]*)$/;

function parseAddress(value: unknown): string {
  if (typeof value !== 'string' || !addressPattern.test(value)) {
    throw badUserInput(
      `invalid address ${JSON.stringify(value)}: expected 0x followed by 40 hex digits`,
    );
  }
  return value.toLowerCase();
}

function literalString(node: ValueNode): unknown {
  return node.kind === Kind.STRING ? node.value : `<${node.kind}>`;
}

/** An EVM address; inputs are checked and lower-cased so filters compare equal to stored values. */
export const AddressScalar = new GraphQLScalarType<string, string>({
  name: 'Address',
  description: 'An EVM address, lower case.',
  serialize: (value) => {
    // Output comes from our stores; a non-string here is a bug, reported as an internal error.
    if (typeof value !== 'string') throw new TypeError(`Address cannot represent ${typeof value}`);
    return value.toLowerCase();
  },
  parseValue: (value) => parseAddress(value),
  parseLiteral: (node) => parseAddress(literalString(node)),
});

function parseUint(value: unknown): string {
  if (typeof value === 'bigint' && value >= 0n) return value.toString();
  if (typeof value !== 'string' || !uintPattern.test(value)) {
    throw badUserInput(
      `invalid BigInt ${JSON.stringify(value)}: expected an unsigned decimal integer string`,
    );
  }
  return value;
}

/** Arbitrary-size unsigned integers as decimal strings: money is never a float. */
export const BigIntScalar = new GraphQLScalarType<string, string>({
  name: 'BigInt',
  description: 'A decimal integer of any size, as a string.',
  serialize: (value) => parseUint(value),
  parseValue: (value) => parseUint(value),
  parseLiteral: (node) => parseUint(literalString(node)),
});

/** The domain's exact decimals: sign, digits, and at most 18 places after the point. */
const decimalPattern = /^-?[0-9]+(\.[0-9]{1,18})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !decimalPattern.test(value)) {
    throw badUserInput(
      `invalid Decimal ${JSON.stringify(value)}: expected a plain decimal string such as "-12.5" (at most 18 decimal places)`,
    );
  }
  return value;
}

/** Exact decimals (USD figures, prices, ratios) as strings: money is never a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "-12.5".',
  serialize: (value) => {
    // Output comes from our stores and the domain's formatFixed; anything else is a bug.
    if (typeof value !== 'string' || !decimalPattern.test(value))
      throw new TypeError(`Decimal cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (node) => parseDecimal(literalString(node)),
});
