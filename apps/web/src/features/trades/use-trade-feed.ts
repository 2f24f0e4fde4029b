'use client';

import { useEffect, useState } from 'react';
import type { Trade } from './schemas';
import { mergeTrades, retractTrades } from './feed';
import type { FeedStatus } from '../../lib/live/feed-status';
import { openTradeStream } from './trade-stream';

export interface TradeFeedState {
  trades: Trade[];
  status: FeedStatus;
  problem: string | null;
}

/** The live trade feed: newest trades first, kept current by the gateway's subscription. */
export function useTradeFeed(httpUrl: string, wsUrl: string): TradeFeedState {
  const [trades, setTrades] = useState<Trade[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(
    () =>
      openTradeStream(
        { httpUrl, wsUrl },
        {
          onStatus: setStatus,
          onTrades: (incoming) => setTrades((current) => mergeTrades(current, incoming)),
          onRetraction: (retraction) => setTrades((current) => retractTrades(current, retraction)),
          onProblem: setProblem,
        },
      ),
    [httpUrl, wsUrl],
  );

  return { trades, status, problem };
}
