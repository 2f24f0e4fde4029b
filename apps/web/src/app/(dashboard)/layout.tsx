import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '../../components/shell/site-header';
import { AccountControls } from '../../features/account/account-controls';
import { SessionProvider } from '../../features/account/session-context';
import { GatewayConfigProvider } from '../../lib/gateway-config-context';
import { getWebConfig } from '../../lib/server-config';
import { NAV_ITEMS } from './nav-items';

/**
 * Every dashboard page: the header with the navigation and the account, the gateway configuration
 * and the sign-in session, provided once for all pages below.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so the gateway URL comes from the running server's environment.
  await connection();
  const config = getWebConfig();
  return (
    <GatewayConfigProvider config={config}>
      <SessionProvider>
        <div className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8">
          <SiteHeader
            gatewayHttpUrl={config.gatewayHttpUrl}
            nav={NAV_ITEMS}
            account={<AccountControls />}
          />
          <main className="flex flex-col gap-6">{children}</main>
        </div>
      </SessionProvider>
    </GatewayConfigProvider>
  );
}
