'use client';

import { useMemo } from 'react';
import { useGatewayConfig } from '../../lib/gateway-config-context';
import { useSessionState } from '../account/session-context';
import { SignedOutHint } from '../account/signed-out-hint';
import { ApiKeysSection } from '../api-keys/api-keys-section';
import { ChainTable } from '../chains/chain-table';
import { useChains } from '../chains/use-chains';
import { TradeTable } from '../trades/trade-table';
import { useTradeFeed } from '../trades/use-trade-feed';
import { WatchlistSection } from '../watchlist/watchlist-section';

/**
 * The live view: the signed-in user's watchlist and API keys, the chains' indexing status and the
 * trade feed, all read from the gateway.
 */
export function Overview() {
  const { gatewayHttpUrl, gatewayWsUrl } = useGatewayConfig();
  const session = useSessionState();
  const chains = useChains(gatewayHttpUrl);
  const feed = useTradeFeed(gatewayHttpUrl, gatewayWsUrl);
  const chainNames = useMemo(
    () => new Map(chains.chains.map((chain) => [chain.id, chain.name])),
    [chains.chains],
  );
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <>
      {user !== null ? (
        // Keyed by user: another account starts from empty lists and a new connection.
        <div key={user.id} className="flex flex-col gap-6">
          <WatchlistSection
            gatewayHttpUrl={gatewayHttpUrl}
            gatewayWsUrl={gatewayWsUrl}
            userId={user.id}
            chains={chains.chains}
            chainNames={chainNames}
            onSessionEnded={session.ended}
          />
          <ApiKeysSection gatewayHttpUrl={gatewayHttpUrl} onSessionEnded={session.ended} />
        </div>
      ) : (
        session.status === 'signed-out' && <SignedOutHint />
      )}
      <ChainTable chains={chains.chains} loaded={chains.loaded} problem={chains.problem} />
      <TradeTable feed={feed} chainNames={chainNames} />
    </>
  );
}
