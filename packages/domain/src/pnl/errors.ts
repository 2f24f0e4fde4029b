/** A trade the ledger cannot account for (malformed, another wallet, inconsistent decimals). */
export class InvalidTradeError extends Error {
  override readonly name = 'InvalidTradeError';
  /** The same trade fails the same way every time. */
  readonly retryable = false;
}

/**
 * A different trade at the position of one already applied: the chain was reorganised and the
 * caller did not restore the state from before the retracted trade first.
 */
export class LedgerOrderError extends Error {
  override readonly name = 'LedgerOrderError';
  /** Retrying cannot help: restore the state before the retracted trade, then apply. */
  readonly retryable = false;
}

/** Ledger options or an opening balance the ledger refuses (bad values, a position opened twice). */
export class InvalidLedgerInputError extends Error {
  override readonly name = 'InvalidLedgerInputError';
  readonly retryable = false;
}

/** A persisted ledger that does not read back (corrupt or from an unknown version). */
export class InvalidLedgerStateError extends Error {
  override readonly name = 'InvalidLedgerStateError';
  readonly retryable = false;
}
