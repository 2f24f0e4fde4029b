import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AnalyticsReader, EventBus, OlapReader, OltpReader } from '@tidemark/domain';
import type { Authenticator } from './auth/http-authenticator';
import type { GatewayConfig } from './config';
import { createIdentityService } from './auth/identity-service';
import { maySendAnyDocument } from './documents/caller';
import { createDocumentResolver } from './documents/resolve-document';
import { loadTrustedDocuments, type TrustedDocuments } from './documents/trusted-documents';
import { resolveSubscribePayload } from './documents/ws-documents';
import { createApollo } from './graphql/server/apollo';
import { createProtection } from './graphql/server/protection';
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
  oltp: OltpReader;
  olap: OlapReader;
  /** Priced trades, candles, wallet activity, leaderboards and pool stats (the analytics role's). */
  analytics: AnalyticsReader;
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

type Logged = Pick<GatewayDeps, 'logger'>;

function gatewayLogger(deps: Logged): Logger {
  const bindings = deps.logger.bindings() as { service?: unknown };
  return bindings.service === undefined ? deps.logger.child({ service: 'gateway' }) : deps.logger;
}

/** The parts HTTP, the REST view and graphql-ws share: schema, identity, limits, documents. */
function buildCore(deps: GatewayDeps, logger: Logger) {
  const { config } = deps;
  const live = {
    fanout: new TradeFanout(config.subscriberQueueLimit),
    retractions: new RetractionFanout(config.subscriberQueueLimit),
    updates: new AnalyticsFanout(config.subscriberQueueLimit),
  };
  const identity = createIdentityService({
    store: deps.oltp.identity,
    settings: config.identity,
    clockMs: Date.now,
    logger,
    production: config.environment === 'production',
    browserOrigins: config.corsOrigins,
  });
  const authenticator = deps.authenticator ?? identity.authenticator;
  const schema = buildSchema({
    oltp: deps.oltp,
    olap: deps.olap,
    analytics: deps.analytics,
    now: deps.clock ?? systemClock,
    ...live,
    identity,
    logger,
  });
  const documentResolver = createDocumentResolver(
    config.documents,
    deps.trustedDocuments ?? loadTrustedDocuments(),
  );
  return {
    live,
    authenticator,
    httpAuth: { authenticator, cookieName: identity.cookie.name },
    schema,
    protection: createProtection(config.limits, config.environment),
    rateLimit: createRateLimit(config.rateLimit, deps.clockMs ?? Date.now, logger),
    documents: {
      resolver: documentResolver,
      // The authenticator remembers each request's viewer: this costs no second look-up.
      maySendAnyDocument: async (request: IncomingMessage) =>
        maySendAnyDocument(await authenticator.fromRequest(request)),
    },
  };
}

type Core = ReturnType<typeof buildCore>;

function startLive(httpServer: Server, core: Core, deps: GatewayDeps, logger: Logger) {
  const { protection, rateLimit, documents, authenticator } = core;
  return startSubscriptionServer(
    httpServer,
    graphqlPath,
    core.schema,
    logger,
    deps.config.wsInitTimeoutMs,
    { protection, rateLimit, trustedProxies: deps.config.trustedProxies },
    {
      authenticator,
      bufferLimitBytes: deps.live?.bufferLimitBytes,
      writeThreads: deps.config.writeThreads,
      resolvePayload: (payload, viewer) =>
        resolveSubscribePayload(documents.resolver, payload, maySendAnyDocument(viewer)),
    },
  );
}

/** HTTP: GraphQL (Apollo), the REST view, CORS, trusted documents and the probes. */
function requestListener(
  core: Core,
  deps: GatewayDeps,
  apollo: ReturnType<typeof createApollo>,
  busLive: () => boolean,
  logger: Logger,
) {
  const { schema, protection, rateLimit, httpAuth } = core;
  const { requestTimeoutMs } = deps.config;
  return createRequestListener({
    apollo,
    rest: createRestView({ schema, protection, rateLimit, requestTimeoutMs, logger, httpAuth }),
    corsOrigins: new Set(deps.config.corsOrigins),
    trustedProxies: deps.config.trustedProxies,
    documents: core.documents,
    httpAuth,
    readiness: () => readiness({ oltp: deps.oltp, olap: deps.olap, busLive }, logger),
    logger,
  });
}

/** Starts the GraphQL gateway (HTTP and graphql-ws on one port) and resolves once it listens. */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const logger = gatewayLogger(deps);
  const core = buildCore(deps, logger);
  const { config } = deps;
  const { schema, protection, rateLimit, live } = core;
  const { requestTimeoutMs } = config;
  const httpServer = createServer();
  const subscriptions = startLive(httpServer, core, deps, logger);
  const apollo = createApollo(schema, httpServer, subscriptions, logger, {
    protection,
    requestTimeoutMs,
    production: config.environment === 'production',
    rateLimit,
  });
  await apollo.start();
  const feed = await startBusFeed(
    deps.bus,
    live.fanout,
    live.retractions,
    live.updates,
    logger,
  ).catch(async (err: unknown) => {
    await apollo.stop();
    throw err;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await feed.stop();
      for (const fanout of Object.values(live)) fanout.endAll();
      await apollo.stop();
      logger.info({ event: 'gateway.stopped' }, 'gateway stopped');
    })();
    return stopping;
  };
  httpServer.on(
    'request',
    requestListener(core, deps, apollo, () => feed.live, logger),
  );
  const address = await listen(httpServer, config.host, config.port).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  const base = `${publicHost(config.host)}:${address.port}${graphqlPath}`;
  logger.info({ event: 'gateway.started', url: `http://${base}` }, 'gateway listening');
  return { url: `http://${base}`, wsUrl: `ws://${base}`, stop };
}
