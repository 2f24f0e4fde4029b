import { AccountControls } from './account-controls';
import type { SessionState } from './use-session';

export interface SiteHeaderProps {
  gatewayHttpUrl: string;
  session: SessionState;
}

export function SiteHeader({ gatewayHttpUrl, session }: SiteHeaderProps) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-50">Tidemark</h1>
        <p className="text-xs text-zinc-500">
          gateway <span className="font-mono">{gatewayHttpUrl}</span>
        </p>
      </div>
      <AccountControls session={session} />
    </header>
  );
}
