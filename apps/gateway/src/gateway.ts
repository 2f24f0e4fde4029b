import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AnalyticsOlapStore, EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import type { Authenticator } from './auth/viewer';
import type { GatewayConfig } from './config';
import { createIdentityService } from './auth/identity-service';
import { maySendAnyDocument } from './documents/caller';
import { createDocumentResolver } from './documents/resolve-document';
import { loadTrustedDocuments, type TrustedDocuments } from './documents/trusted-documents';
import { resolveSubscribePayload } from './documents/ws-documents';
import { createApollo } from './graphql/apollo';
import { createProtection } from './graphql/protection';
import { buildSchema } from './graphql/schema';
import { readiness } from './http/probes';
import { createRestView } from './http/rest-view';
import { createRequestListener, graphqlPath } from './http/router';
import { createRateLimit } from './limits/rate-limit';
import { AnalyticsFanout } from './live/analytics-fanout';
import { startBusFeed } from './live/bus-feed';
import { RetractionFanout } from './live/retraction-fanout';
import { TradeFanout } from './live/trade-fanout';
import { startSubscriptionServer, type LiveOptions } from './live/ws-server';

export interface GatewayDeps {
  config: GatewayConfig;
  oltp: OltpStore;
  olap: OlapStore;
  /** Priced trades, candles, wallet activity, leaderboards and pool stats (the analytics role's). */
  analytics: AnalyticsOlapStore;
  bus: EventBus;
  logger: Logger;
  /** Unix seconds, the "now" of time windows; defaults to the system clock (tests fix it). */
  clock?: () => number;
  /** Milliseconds, the rate limit's refill clock; defaults to Date.now (tests move it). */
  clockMs?: () => number;
  /** Who is calling; defaults to everyone anonymous (see auth/viewer.ts). */
  authenticator?: Authenticator;
  /** Live subscription settings (see live/ws-server.ts). */
  live?: Pick<LiveOptions, 'bufferLimitBytes'>;
  /** The documents GATEWAY_DOCUMENTS=trusted runs; defaults to @tidemark/schema's manifest. */
  trustedDocuments?: TrustedDocuments;
}

const systemClock = () => Math.floor(Date.now() / 1000);

export interface Gateway {
  /** GraphQL over HTTP, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** graphql-ws on the same port, e.g. ws://127.0.0.1:4000/graphql */
  wsUrl: string;
  /** Stops listening and ends live subscriptions; the stores and the bus stay open (the caller owns them). */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function publicHost(host: string): string {
  // A wildcard bind is reachable on loopback; IPv6 literals need brackets in a URL.
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the GraphQL gateway (HTTP and graphql-ws on one port) and resolves once it listens. */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const bindings = deps.logger.bindings() as { service?: unknown };
  const logger =
    bindings.service === undefined ? deps.logger.child({ service: 'gateway' }) : deps.logger;
  const fanout = new TradeFanout(deps.config.subscriberQueueLimit);
  const retractions = new RetractionFanout(deps.config.subscriberQueueLimit);
  const updates = new AnalyticsFanout(deps.config.subscriberQueueLimit);
  const identity = createIdentityService({
    store: deps.oltp.identity,
    settings: deps.config.identity,
    clockMs: Date.now,
    logger,
    production: deps.config.environment === 'production',
  });
  const authenticator = deps.authenticator ?? identity.authenticator;
  const httpAuth = { authenticator, cookieName: identity.cookie.name };
  const schema = buildSchema({
    oltp: deps.oltp,
    olap: deps.olap,
    analytics: deps.analytics,
    now: deps.clock ?? systemClock,
    fanout,
    retractions,
    updates,
    identity,
    logger,
  });
  const { environment, limits, requestTimeoutMs } = deps.config;
  const protection = createProtection(limits, environment);
  const rateLimit = createRateLimit(deps.config.rateLimit, deps.clockMs ?? Date.now, logger);
  const { trustedProxies } = deps.config;
  const documents = {
    resolver: createDocumentResolver(
      deps.config.documents,
      deps.trustedDocuments ?? loadTrustedDocuments(),
    ),
    // The authenticator remembers each request's viewer: this costs no second look-up.
    maySendAnyDocument: async (request: IncomingMessage) =>
      maySendAnyDocument(await authenticator.fromRequest(request)),
  };
  const httpServer = createServer();
  const subscriptions = startSubscriptionServer(
    httpServer,
    graphqlPath,
    schema,
    logger,
    deps.config.wsInitTimeoutMs,
    { protection, rateLimit, trustedProxies },
    {
      authenticator,
      bufferLimitBytes: deps.live?.bufferLimitBytes,
      resolvePayload: (payload, viewer) =>
        resolveSubscribePayload(documents.resolver, payload, maySendAnyDocument(viewer)),
    },
  );
  const apollo = createApollo(schema, httpServer, subscriptions, logger, {
    protection,
    requestTimeoutMs,
    production: environment === 'production',
    rateLimit,
  });
  await apollo.start();
  const feed = await startBusFeed(deps.bus, fanout, retractions, updates, logger).catch(
    async (err: unknown) => {
      await apollo.stop();
      throw err;
    },
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await feed.stop();
      fanout.endAll();
      retractions.endAll();
      updates.endAll();
      await apollo.stop();
      logger.info({ event: 'gateway.stopped' }, 'gateway stopped');
    })();
    return stopping;
  };
  httpServer.on(
    'request',
    createRequestListener({
      apollo,
      rest: createRestView({ schema, protection, rateLimit, requestTimeoutMs, logger, httpAuth }),
      corsOrigins: new Set(deps.config.corsOrigins),
      trustedProxies,
      documents,
      httpAuth,
      readiness: () =>
        readiness({ oltp: deps.oltp, olap: deps.olap, busLive: () => feed.live }, logger),
      logger,
    }),
  );
  const address = await listen(httpServer, deps.config.host, deps.config.port).catch(
    async (err: unknown) => {
      await stop();
      throw err;
    },
  );
  const base = `${publicHost(deps.config.host)}:${address.port}${graphqlPath}`;
  logger.info({ event: 'gateway.started', url: `http://${base}` }, 'gateway listening');
  return { url: `http://${base}`, wsUrl: `ws://${base}`, stop };
}
