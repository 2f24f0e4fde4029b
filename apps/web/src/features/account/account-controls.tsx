'use client';

import { shortenAddress } from '../../lib/format';
import { BUTTON, PRIMARY_BUTTON } from '../../components/ui/buttons';
import { useSessionState } from './session-context';

/** Sign-in state in the header: a sign-in button, or the account and a sign-out button. */
export function AccountControls() {
  const session = useSessionState();
  const { status, user, problem } = session;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-3">
        {user !== null && (status === 'signed-in' || status === 'signing-out') ? (
          <>
            <span
              data-testid="account-address"
              data-address={user.address}
              title={user.address}
              className="rounded-full border border-zinc-800 px-3 py-1 font-mono text-xs text-zinc-200"
            >
              {shortenAddress(user.address)}
            </span>
            <button
              type="button"
              data-testid="sign-out-button"
              className={BUTTON}
              disabled={status === 'signing-out'}
              onClick={session.signOut}
            >
              {status === 'signing-out' ? 'Signing out…' : 'Sign out'}
            </button>
          </>
        ) : (
          <button
            type="button"
            data-testid="sign-in-button"
            className={PRIMARY_BUTTON}
            disabled={status === 'loading' || status === 'signing-in'}
            onClick={session.signIn}
          >
            {status === 'signing-in' ? 'Confirm in your wallet…' : 'Sign in with wallet'}
          </button>
        )}
      </div>
      {problem !== null && (
        <p
          data-testid="account-problem"
          role="alert"
          className="max-w-md text-right text-xs text-amber-300/90"
        >
          {problem}
        </p>
      )}
    </div>
  );
}
