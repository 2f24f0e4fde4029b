'use client';

import { useCallback, useEffect, useState } from 'react';
import { fetchViewer, type SignedInUser } from './account-api';
import { describeProblem, sessionEnded } from './problem';
import { signInWithWallet, signOutOfGateway } from './sign-in';
import { injectedProvider, NO_WALLET_MESSAGE } from './eip1193';

type SessionStatus = 'loading' | 'signed-out' | 'signing-in' | 'signed-in' | 'signing-out';

export interface SessionState {
  status: SessionStatus;
  user: SignedInUser | null;
  problem: string | null;
  signIn: () => void;
  signOut: () => void;
  /** The gateway stopped accepting the session (a later request said so): show signed out. */
  ended: () => void;
}

type Setter<T> = (value: T) => void;

/** Who the cookie the browser holds belongs to, asked once when the page loads. */
function useViewerAtLoad(
  gatewayUrl: string,
  setUser: Setter<SignedInUser | null>,
  setStatus: Setter<SessionStatus>,
  setProblem: Setter<string | null>,
): void {
  useEffect(() => {
    const stop = new AbortController();
    fetchViewer(gatewayUrl, stop.signal).then(
      (viewer) => {
        setUser(viewer);
        setStatus(viewer === null ? 'signed-out' : 'signed-in');
      },
      (error: unknown) => {
        if (stop.signal.aborted) return;
        setStatus('signed-out');
        // An expired session is answered 401 and its cookie cleared: nothing to report.
        if (!sessionEnded(error))
          setProblem(`Could not check your session: ${describeProblem(error)}`);
      },
    );
    return () => stop.abort();
  }, [gatewayUrl, setUser, setStatus, setProblem]);
}

/**
 * The browser's session with the gateway: read at load from the httpOnly cookie (via `viewer`),
 * started by signing in with the injected wallet, ended by signing out.
 */
export function useSession(gatewayUrl: string, siweDomain: string): SessionState {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useViewerAtLoad(gatewayUrl, setUser, setStatus, setProblem);

  const settle = useCallback((next: SignedInUser | null, message: string | null) => {
    setUser(next);
    setStatus(next === null ? 'signed-out' : 'signed-in');
    setProblem(message);
  }, []);

  const signIn = useCallback(() => {
    const provider = injectedProvider(globalThis);
    if (provider === undefined) {
      setProblem(NO_WALLET_MESSAGE);
      return;
    }
    setStatus('signing-in');
    setProblem(null);
    signInWithWallet({ provider, gatewayUrl, siweDomain }).then(
      (signedIn) => settle(signedIn, null),
      (error: unknown) => settle(null, describeProblem(error)),
    );
  }, [gatewayUrl, siweDomain, settle]);

  const signOut = useCallback(() => {
    const current = user;
    setStatus('signing-out');
    setProblem(null);
    signOutOfGateway(gatewayUrl).then(
      () => settle(null, null),
      (error: unknown) =>
        sessionEnded(error)
          ? settle(null, null)
          : settle(current, `Sign-out failed: ${describeProblem(error)}`),
    );
  }, [gatewayUrl, user, settle]);

  const ended = useCallback(() => settle(null, 'Your session has ended: sign in again.'), [settle]);

  return { status, user, problem, signIn, signOut, ended };
}
