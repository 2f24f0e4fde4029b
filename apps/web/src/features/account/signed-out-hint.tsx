/** What signing in adds, shown while signed out. */
export function SignedOutHint() {
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
