const BASE_MS = 500;
const CAP_MS = 5_000;
const JITTER_MS = 500;

/**
 * Wait before reconnect attempt `retries` (0-based): doubling from 0.5 s, capped at 5 s so the
 * feed comes back soon after the gateway does, plus jitter so many tabs do not reconnect at once.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(0, Math.floor(retries)), 16);
  return Math.min(BASE_MS * 2 ** exponent, CAP_MS) + Math.floor(random() * JITTER_MS);
}
