import type { ConsumerStateReader } from './consumer-state-store';
import type { IdentityStore } from './identity-store';
import type { ChainStatus, TokenRecord } from './oltp-records';

/**
 * What the API may do with the OLTP store (PostgreSQL or PGlite): read chains, tokens and the
 * consumers' derived state, and keep its own users, sessions, API keys and watchlists. It cannot
 * move an ingest cursor or a consumer's position; those belong to the indexer's roles
 * (`OltpStore`).
 */
export interface OltpReader {
  listChains(): Promise<ChainStatus[]>;
  getTokens(chainId: number): Promise<TokenRecord[]>;
  /** The stateful consumers' state (e.g. the analytics role's wallet ledgers), read only. */
  readonly state: ConsumerStateReader;
  /** Users, sessions, API keys and watchlists of the GraphQL API, in the same database. */
  readonly identity: IdentityStore;
}
