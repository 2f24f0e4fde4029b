import type { Logger } from 'pino';
import type { AnalyticsReader, OlapReader, OltpReader } from '@tidemark/domain';
import type { IdentityService } from '../auth/identity-service';
import type { Viewer } from '../auth/viewer';
import type { AnalyticsFanout } from '../live/analytics-fanout';
import type { RetractionFanout } from '../live/retraction-fanout';
import type { TradeFanout } from '../live/trade-fanout';

/**
 * What resolvers are built from. A leaf of types only: every area's resolvers import it, and it
 * imports none of them, so a new resolver file joins no import cycle.
 */
export interface ResolverDeps {
  oltp: OltpReader;
  olap: OlapReader;
  analytics: AnalyticsReader;
  /** Unix seconds: "now" of time windows (24h volume, leaderboards, default ranges). */
  now(): number;
  fanout: TradeFanout;
  retractions: RetractionFanout;
  /** Candle and wallet updates of the analytics role. */
  updates: AnalyticsFanout;
  /** Users, sessions, API keys and watchlists. */
  identity: IdentityService;
  logger: Logger;
}

/** What a graphql-ws operation knows about its connection. */
export interface LiveContext {
  /** Closes the subscriber's connection, e.g. when it cannot keep up. */
  dropConnection(reason: string): void;
  /** Who opened the connection (from its connection_init); anonymous in shared operations. */
  viewer: Viewer;
}
