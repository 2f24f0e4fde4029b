'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useGatewayConfig } from '../../lib/gateway-config-context';
import { useSession, type SessionState } from './use-session';

const SessionContext = createContext<SessionState | null>(null);

/**
 * One session for the whole dashboard: the header's account controls and every page see the same
 * sign-in state, and moving between pages does not ask the gateway again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { gatewayHttpUrl, siweDomain } = useGatewayConfig();
  const session = useSession(gatewayHttpUrl, siweDomain);
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The browser's session with the gateway; only inside SessionProvider. */
export function useSessionState(): SessionState {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSessionState needs a SessionProvider around it');
  return session;
}
