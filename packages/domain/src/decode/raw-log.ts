/** A log as a JSON-RPC node returns it, already parsed into numbers where they are small. */
export interface RawLog {
  address: string;
  topics: readonly string[];
  data: string;
  blockNumber: number;
  blockHash: string;
  transactionHash: string;
  logIndex: number;
}

export class MalformedLogError extends Error {
  /** The node returned this log; asking again returns the same bytes. */
  readonly retryable = false;
  constructor(log: RawLog, reason: string) {
    super(`malformed log ${log.transactionHash}:${log.logIndex} from ${log.address}: ${reason}`);
    this.name = 'MalformedLogError';
  }
}
