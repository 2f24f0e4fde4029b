import {
  ANALYTICS_CONSUMER,
  LEDGER_KEY,
  formatFixed,
  ledgerFromJSON,
  parseFixed,
  positionKey,
  positionSummaries,
  unrealizedPnl,
  type ActivityWindow,
  type AnalyticsReader,
  type Fixed,
  type OltpReader,
  type PnlBucket,
  type PositionSummary,
  type UnrealizedPnl,
  type UnrealizedPosition,
  type WalletLedger,
  type WalletTotals,
} from '@tidemark/domain';
import { toPnlRange } from '../market/market-arguments';

/** Where and under which keys the analytics role keeps each wallet's ledger, per chain. */

export interface WalletDeps {
  oltp: OltpReader;
  analytics: AnalyticsReader;
}

/** The API's `WalletTotals`: a window's activity. */
export type TotalsView = Omit<WalletTotals, 'wallet'> & { window: ActivityWindow };

export function toTotalsView(window: ActivityWindow, totals: WalletTotals): TotalsView {
  const { wallet: _wallet, ...figures } = totals;
  return { window, ...figures };
}

const byChainAndToken = (a: PositionSummary, b: PositionSummary) =>
  a.chainId - b.chainId || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0);

const text = (value: Fixed | null): string | null => (value === null ? null : formatFixed(value));

/** A position with its current price, value and unrealized PnL (null where unpriced). */
function toPositionView(
  summary: PositionSummary,
  priced: Pick<UnrealizedPosition, 'priceUsd' | 'valueUsd' | 'unrealizedPnlUsd'>,
) {
  return {
    chainId: summary.chainId,
    token: summary.token,
    decimals: summary.decimals,
    quantity: summary.quantity.toString(),
    costBasisUsd: formatFixed(summary.costBasisUsd),
    averageCostUsd: text(summary.averageCostUsd),
    realizedPnlUsd: formatFixed(summary.realizedPnlUsd),
    untrackedQuantity: summary.untrackedQuantity.toString(),
    cash: summary.cash,
    priceUsd: text(priced.priceUsd),
    valueUsd: text(priced.valueUsd),
    unrealizedPnlUsd: text(priced.unrealizedPnlUsd),
  };
}

/**
 * One `wallet(...)` answer. Each field is read when it is asked for; the ledgers and the current
 * prices are read once and shared by `positions` and `totals`.
 */
export class WalletView {
  private ledgersRead: Promise<WalletLedger[]> | undefined;
  private readonly prices = new Map<string, Promise<Fixed | null>>();

  constructor(
    readonly address: string,
    readonly chainId: number | null,
    private readonly deps: WalletDeps,
    private readonly now: number,
  ) {}

  async activity(window: ActivityWindow): Promise<TotalsView> {
    const totals = await this.deps.analytics.walletActivity({
      wallet: this.address,
      chainId: this.chainId ?? undefined,
      window,
      now: this.now,
    });
    return toTotalsView(window, totals);
  }

  async pnlHistory(args: { from?: number | null; to?: number | null; bucket: PnlBucket }) {
    const range = toPnlRange(args, args.bucket, this.now);
    const points = await this.deps.analytics.pnlHistory({
      wallet: this.address,
      chainId: this.chainId ?? undefined,
      bucket: args.bucket,
      ...range,
    });
    return points.map((p) => ({
      time: p.bucket,
      realizedPnlUsd: p.realizedPnlUsd,
      cumulativeRealizedPnlUsd: p.cumulativeRealizedPnlUsd,
    }));
  }

  async positions(includeClosed: boolean) {
    const ledgers = await this.ledgers();
    const held = new Map(
      (await this.unrealized(ledgers))
        .flatMap((u) => u.positions)
        .map((p) => [positionKey(p.chainId, p.token), p] as const),
    );
    const summaries = ledgers
      .flatMap((ledger) => positionSummaries(ledger))
      .filter((p) => includeClosed || p.quantity > 0n)
      .sort(byChainAndToken);
    return Promise.all(
      summaries.map(async (p) => {
        const priced = held.get(positionKey(p.chainId, p.token));
        if (priced) return toPositionView(p, priced);
        // Nothing held: worth nothing and nothing unrealized, once the token has a price at all.
        const priceUsd = await this.price(p.chainId, p.token);
        const zero = priceUsd === null ? null : 0n;
        return toPositionView(p, { priceUsd, valueUsd: zero, unrealizedPnlUsd: zero });
      }),
    );
  }

  async totals() {
    const ledgers = await this.ledgers();
    const unrealized = await this.unrealized(ledgers);
    const sum = (values: Fixed[]) => values.reduce((a, b) => a + b, 0n);
    const complete = unrealized.every((u) => u.unrealizedPnlUsd !== null);
    return {
      realizedPnlUsd: formatFixed(sum(ledgers.map((l) => l.totals.realizedPnlUsd))),
      unrealizedPnlUsd: complete
        ? formatFixed(sum(unrealized.map((u) => u.unrealizedPnlUsd ?? 0n)))
        : null,
      pricedUnrealizedPnlUsd: formatFixed(sum(unrealized.map((u) => u.pricedUnrealizedPnlUsd))),
      unpricedPositions: unrealized.reduce((n, u) => n + u.unpriced.length, 0),
    };
  }

  /** The domain's unrealized PnL of each chain's ledger, at the prices read for its held tokens. */
  private async unrealized(ledgers: readonly WalletLedger[]): Promise<UnrealizedPnl[]> {
    const held = ledgers.flatMap((l) => Object.values(l.positions).filter((p) => p.quantity > 0n));
    const prices = new Map<string, Fixed | null>();
    await Promise.all(
      held.map(async (p) =>
        prices.set(positionKey(p.chainId, p.token), await this.price(p.chainId, p.token)),
      ),
    );
    return ledgers.map((ledger) =>
      unrealizedPnl(ledger, (chainId, token) => prices.get(positionKey(chainId, token))),
    );
  }

  private price(chainId: number, token: string): Promise<Fixed | null> {
    const key = positionKey(chainId, token);
    let price = this.prices.get(key);
    if (!price) {
      price = this.deps.analytics
        .tokenPrice(chainId, token)
        .then((record) => (record === null ? null : parseFixed(record.priceUsd)));
      this.prices.set(key, price);
    }
    return price;
  }

  private ledgers(): Promise<WalletLedger[]> {
    this.ledgersRead ??= this.readLedgers();
    return this.ledgersRead;
  }

  /** The wallet's ledger on each chain in scope that has one (chains are few). */
  private async readLedgers(): Promise<WalletLedger[]> {
    const chains =
      this.chainId === null
        ? (await this.deps.oltp.listChains()).map((c) => c.chainId)
        : [this.chainId];
    const key = LEDGER_KEY + this.address;
    const found = await Promise.all(
      chains.map((chainId) => this.deps.oltp.state.load(ANALYTICS_CONSUMER, chainId, [key])),
    );
    return found.flatMap((values) => (values.has(key) ? [ledgerFromJSON(values.get(key))] : []));
  }
}
