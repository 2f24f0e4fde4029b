import { connection } from 'next/server';
import { Dashboard } from '../components/dashboard';
import { getWebConfig } from '../lib/server-config';

export default async function HomePage() {
  // Rendered per request, so the gateway URL comes from the running server's environment.
  await connection();
  const config = getWebConfig();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-50">Tidemark</h1>
        <p className="text-xs text-zinc-500">
          gateway <span className="font-mono">{config.gatewayHttpUrl}</span>
        </p>
      </header>
      <Dashboard gatewayHttpUrl={config.gatewayHttpUrl} gatewayWsUrl={config.gatewayWsUrl} />
    </main>
  );
}
