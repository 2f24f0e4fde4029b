'use client';

import { useEffect, useState } from 'react';
import type { Trade } from '../lib/api/schemas';
import { mergeTrades, retractTrades } from '../lib/feed';
import type { FeedStatus } from '../lib/live/feed-status';
import { openWatchlistStream } from '../lib/live/watchlist-stream';

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

  useEffect(() => {
    // A new user gets a new connection (the gateway reads the cookie when it opens).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new connection starts empty, as its own stream fills it
    setTrades([]);
    setStatus('connecting');
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
