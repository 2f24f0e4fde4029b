'use client';

import { useEffect, useState } from 'react';
import type { Trade } from '../trades/schemas';
import { mergeTrades, retractTrades } from '../trades/feed';
import type { FeedStatus } from '../../lib/live/feed-status';
import { openWatchlistStream } from './watchlist-stream';

export interface WatchlistFeedState {
  trades: Trade[];
  status: FeedStatus;
  problem: string | null;
}

/** Live trades of the signed-in user's watchlist, newest first, from the moment it opened. */
export function useWatchlistFeed(
  wsUrl: string,
  userId: string,
  onSessionEnded: () => void,
): WatchlistFeedState {
  const [trades, setTrades] = useState<Trade[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  // A new user gets a new connection (the gateway reads the cookie when it opens) and starts from
  // an empty feed: reset while rendering, before the effect below opens that connection.
  const [feedOf, setFeedOf] = useState({ wsUrl, userId });
  if (feedOf.wsUrl !== wsUrl || feedOf.userId !== userId) {
    setFeedOf({ wsUrl, userId });
    setTrades([]);
    setStatus('connecting');
  }

  useEffect(() => {
    return openWatchlistStream(wsUrl, {
      onStatus: setStatus,
      onTrade: (trade) => setTrades((current) => mergeTrades(current, [trade])),
      onRetraction: (retraction) => setTrades((current) => retractTrades(current, retraction)),
      onProblem: setProblem,
      onSessionEnded,
    });
  }, [wsUrl, userId, onSessionEnded]);

  return { trades, status, problem };
}
