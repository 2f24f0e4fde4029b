'use client';

import { useMemo } from 'react';
import { ApiKeysSection } from './api-keys-section';
import { ChainTable } from './chain-table';
import { SiteHeader } from './site-header';
import { TradeTable } from './trade-table';
import { useChains } from './use-chains';
import { useSession } from './use-session';
import { useTradeFeed } from './use-trade-feed';
import { WatchlistSection } from './watchlist-section';

export interface DashboardProps {
  gatewayHttpUrl: string;
  gatewayWsUrl: string;
  /** The EIP-4361 domain sign-in messages name (see WebConfig.siweDomain). */
  siweDomain: string;
}

function SignedOutHint() {
  return (
    <p
      data-testid="signed-out-hint"
      className="rounded-lg border border-dashed border-zinc-800 px-4 py-3 text-sm text-zinc-400"
    >
      Sign in with your wallet to follow pools and wallets live and to create API keys. Signing in
      costs nothing: your wallet signs a message, no transaction.
    </p>
  );
}

/**
 * The live view: the account header, the signed-in user's watchlist and API keys, the chains'
 * indexing status and the trade feed, all read from the gateway.
 */
export function Dashboard({ gatewayHttpUrl, gatewayWsUrl, siweDomain }: DashboardProps) {
  const session = useSession(gatewayHttpUrl, siweDomain);
  const chains = useChains(gatewayHttpUrl);
  const feed = useTradeFeed(gatewayHttpUrl, gatewayWsUrl);
  const chainNames = useMemo(
    () => new Map(chains.chains.map((chain) => [chain.id, chain.name])),
    [chains.chains],
  );
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <div className="flex flex-col gap-6">
      <SiteHeader gatewayHttpUrl={gatewayHttpUrl} session={session} />
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
    </div>
  );
}
