import { connection } from 'next/server';
import { Dashboard } from '../components/dashboard';
import { getWebConfig } from '../lib/server-config';

export default async function HomePage() {
  // Rendered per request, so the gateway URL comes from the running server's environment.
  await connection();
  const config = getWebConfig();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8">
      <Dashboard
        gatewayHttpUrl={config.gatewayHttpUrl}
        gatewayWsUrl={config.gatewayWsUrl}
        siweDomain={config.siweDomain}
      />
    </main>
  );
}
