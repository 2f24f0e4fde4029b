// Display of the gateway's exact decimal strings (USD figures, fractions). They are rounded as
// strings with BigInt arithmetic, never through a float, so a figure shows the digits it has.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

interface Rounded {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** Rounds a decimal string half away from zero to `places` digits after the point. */
function round(value: string, places: number, shift = 0): Rounded | undefined {
  const match = DECIMAL.exec(value.trim());
  if (match === null) return undefined;
  const digits = `${match[2] ?? ''}${match[3] ?? ''}`;
  const point = (match[2] ?? '').length + shift;
  // Keep one digit beyond `places` to round on.
  const kept = digits.slice(0, Math.max(0, point + places + 1)).padEnd(point + places + 1, '0');
  let scaled = BigInt(kept === '' ? '0' : kept);
  scaled = scaled / 10n + (scaled % 10n >= 5n ? 1n : 0n);
  const text = scaled.toString().padStart(places + 1, '0');
  return {
    negative: match[1] === '-' && scaled !== 0n,
    whole: text.slice(0, text.length - places),
    fraction: places === 0 ? '' : text.slice(text.length - places),
  };
}

const join = ({ whole, fraction }: Rounded) =>
  whole.replace(THOUSANDS, ',') + (fraction === '' ? '' : `.${fraction}`);

/** Places needed to show about 4 significant digits of a value below 1 (at most 18). */
function smallPlaces(value: string): number {
  const fraction = DECIMAL.exec(value.trim())?.[3] ?? '';
  const zeros = /^0*/.exec(fraction)?.[0].length ?? 0;
  return Math.min(18, zeros + 4);
}

/** "1234.567" -> "$1,234.57"; below $1, about four significant digits ("$0.0001235"). */
export function formatUsd(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const match = DECIMAL.exec(value.trim());
  if (match === null) return value;
  const places =
    /^0+$/.test(match[2] ?? '') && /[1-9]/.test(match[3] ?? '') ? smallPlaces(value) : 2;
  const rounded = round(value, places)!;
  const text = places > 2 ? join(rounded).replace(/0+$/, '') : join(rounded);
  return `${rounded.negative ? '-' : ''}$${text}`;
}

/** A fraction as a signed percentage: "0.25" -> "+25.00%", "-0.031" -> "-3.10%". */
export function formatPercent(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const rounded = round(value, 2, 2);
  if (rounded === undefined) return value;
  const zero = /^0+$/.test(rounded.whole) && /^0*$/.test(rounded.fraction);
  const sign = rounded.negative ? '-' : zero ? '' : '+';
  return `${sign}${join(rounded)}%`;
}

/** Unix seconds as "2026-11-22 19:30 UTC"; null (never) as a dash. */
export function formatDateTime(unixSeconds: number | null): string {
  if (unixSeconds === null || !Number.isFinite(unixSeconds)) return '—';
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
