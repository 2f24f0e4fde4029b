/**
 * Who spends a budget: `ip:<address>` for anonymous clients; `key:<id>` once API keys exist. The
 * limiter only compares subjects, so a new kind needs no change here.
 */
export type RateLimitSubject = `ip:${string}` | `key:${string}`;

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface CostRateLimiterOptions {
  /** Cost units a subject's bucket regains per second; must be positive. */
  costPerSecond: number;
  /** Capacity of a bucket: what a subject may spend at once after being idle. */
  burst: number;
  /** Subjects tracked at most; past it the least recently seen one is forgotten. */
  maxSubjects: number;
}

interface Bucket {
  tokens: number;
  /** Milliseconds (the caller's clock) when `tokens` was last brought up to date. */
  updatedAt: number;
}

const positive = (name: string, value: number) => {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number (got ${value})`);
  }
};

/**
 * A token bucket per subject, refilled continuously at `costPerSecond` up to `burst`. Time is
 * passed in (`now`, milliseconds), so callers choose the clock and tests need no waiting.
 *
 * Memory stays bounded: a bucket idle long enough to be full again is dropped (a missing bucket
 * is a full one, so nothing changes for its subject), and past `maxSubjects` the least recently
 * seen subject is forgotten; that one then starts over with a full bucket, so the cap should sit
 * well above the number of clients active within a refill period.
 */
export class CostRateLimiter {
  // A Map iterates in insertion order; re-inserting on every use keeps it least-recent first.
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillMs: number;

  constructor(private readonly options: CostRateLimiterOptions) {
    positive('costPerSecond', options.costPerSecond);
    positive('burst', options.burst);
    if (!Number.isInteger(options.maxSubjects) || options.maxSubjects < 1) {
      throw new RangeError(`maxSubjects must be a positive integer (got ${options.maxSubjects})`);
    }
    this.refillMs = (options.burst / options.costPerSecond) * 1000;
  }

  /** Subjects currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Spends `cost` from `subject`'s bucket at time `now` (ms), or refuses without spending and
   * says how long until the bucket holds enough. A cost above the burst is charged as the burst:
   * such an operation waits for a full bucket and empties it, rather than never running.
   */
  take(subject: RateLimitSubject, cost: number, now: number): TakeResult {
    this.dropIdle(now);
    const charge = Math.min(Math.max(cost, 0), this.options.burst);
    const bucket = this.current(subject, now);
    // The epsilon absorbs float rounding, so waiting exactly retryAfterMs is always enough.
    if (bucket.tokens + 1e-9 >= charge) {
      bucket.tokens = Math.max(0, bucket.tokens - charge);
      return { ok: true };
    }
    const missing = charge - bucket.tokens;
    return { ok: false, retryAfterMs: Math.ceil((missing * 1000) / this.options.costPerSecond) };
  }

  /** The subject's bucket refilled up to `now`, moved to the most recent end. */
  private current(subject: string, now: number): Bucket {
    const known = this.buckets.get(subject);
    let bucket: Bucket;
    if (known === undefined) {
      bucket = { tokens: this.options.burst, updatedAt: now };
      if (this.buckets.size >= this.options.maxSubjects) this.evictOldest();
    } else {
      // A clock that steps back refills nothing, and the time it repeats is not refilled twice.
      const elapsed = Math.max(0, now - known.updatedAt);
      const refilled = known.tokens + (elapsed * this.options.costPerSecond) / 1000;
      const updatedAt = Math.max(now, known.updatedAt);
      bucket = { tokens: Math.min(this.options.burst, refilled), updatedAt };
      this.buckets.delete(subject);
    }
    this.buckets.set(subject, bucket);
    return bucket;
  }

  /** Drops buckets that have refilled completely; they sit at the least recent end. */
  private dropIdle(now: number): void {
    for (const [subject, bucket] of this.buckets) {
      if (now - bucket.updatedAt < this.refillMs) return;
      this.buckets.delete(subject);
    }
  }

  private evictOldest(): void {
    const oldest = this.buckets.keys().next();
    if (oldest.done !== true) this.buckets.delete(oldest.value);
  }
}
