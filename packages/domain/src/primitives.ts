/**
 * The domain's primitive value types. A leaf: it imports nothing, so every port and module can use
 * them without joining an import cycle.
 */

/**
 * An exact decimal as text, at most 18 decimal places ("1234.5", "-0.000001"): the wire form of
 * the domain's `Fixed` (`parseFixed` / `formatFixed`). Stores return the shortest form.
 */
export type DecimalString = string;

/** Unix seconds. */
export type UnixTime = number;
