'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { WebConfig } from './config';

const GatewayConfigContext = createContext<WebConfig | null>(null);

/**
 * Hands the gateway configuration the dashboard layout read on the server (once per process, see
 * server-config.ts) to every client component below it.
 */
export function GatewayConfigProvider({
  config,
  children,
}: {
  config: WebConfig;
  children: ReactNode;
}) {
  return <GatewayConfigContext value={config}>{children}</GatewayConfigContext>;
}

/** The gateway's URLs and the sign-in domain; only inside the dashboard layout. */
export function useGatewayConfig(): WebConfig {
  const config = useContext(GatewayConfigContext);
  if (config === null) throw new Error('useGatewayConfig needs the dashboard layout around it');
  return config;
}
