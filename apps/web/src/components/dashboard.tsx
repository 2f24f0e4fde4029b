'use client';

import { useMemo } from 'react';
import { ChainTable } from './chain-table';
import { TradeTable } from './trade-table';
import { useChains } from './use-chains';
import { useTradeFeed } from './use-trade-feed';

export interface DashboardProps {
  gatewayHttpUrl: string;
  gatewayWsUrl: string;
}

/** The live view: chains' indexing status and the trade feed, both read from the gateway. */
export function Dashboard({ gatewayHttpUrl, gatewayWsUrl }: DashboardProps) {
  const chains = useChains(gatewayHttpUrl);
  const feed = useTradeFeed(gatewayHttpUrl, gatewayWsUrl);
  const chainNames = useMemo(
    () => new Map(chains.chains.map((chain) => [chain.id, chain.name])),
    [chains.chains],
  );

  return (
    <div className="flex flex-col gap-6">
      <ChainTable chains={chains.chains} loaded={chains.loaded} problem={chains.problem} />
      <TradeTable
        trades={feed.trades}
        status={feed.status}
        problem={feed.problem}
        chainNames={chainNames}
      />
    </div>
  );
}
