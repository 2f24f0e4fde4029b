import type { ReactNode } from 'react';
import { SiteNav, type NavItem } from './site-nav';

export interface SiteHeaderProps {
  gatewayHttpUrl: string;
  nav: readonly NavItem[];
  /** The sign-in state and its buttons. */
  account: ReactNode;
}

export function SiteHeader({ gatewayHttpUrl, nav, account }: SiteHeaderProps) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-baseline gap-6">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-50">Tidemark</h1>
          <SiteNav items={nav} />
        </div>
        <p className="text-xs text-zinc-500">
          gateway <span className="font-mono">{gatewayHttpUrl}</span>
        </p>
      </div>
      {account}
    </header>
  );
}
