const INTEGER = /^(-?)(\d+)$/;
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Groups a raw integer amount ("1234567" -> "1,234,567") by string manipulation alone: raw token
 * amounts exceed a float's precision, so they are never parsed into a number.
 */
export function formatAmount(raw: string): string {
  const match = INTEGER.exec(raw.trim());
  if (match === null) return raw;
  const sign = match[1] ?? '';
  const digits = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const signed = digits === '0' ? digits : sign + digits;
  return signed.replace(THOUSANDS, ',');
}

/** A block number or lag with thousands separators; an unknown value shows as a dash. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatAmount(String(value));
}

/** "0x1234567890abcdef..." -> "0x1234…cdef", enough to tell addresses apart at a glance. */
export function shortenAddress(address: string): string {
  if (address.length <= 12) return address;
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A block's unix seconds as HH:MM:SS in UTC, the same on the server and in every browser. */
export function formatTime(unixSeconds: number): string {
  if (!Number.isFinite(unixSeconds)) return '—';
  return new Date(unixSeconds * 1000).toISOString().slice(11, 19);
}
