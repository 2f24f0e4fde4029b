import { BUTTON } from '../../components/ui/buttons';
import { CopyButton } from '../../components/ui/copy-button';
import type { NewApiKey } from './use-api-keys';

/** The secret of a key just created: shown this once, with a copy button and a warning. */
export function NewApiKeyNotice({ created, dismiss }: { created: NewApiKey; dismiss: () => void }) {
  return (
    <div
      data-testid="new-api-key"
      role="alert"
      className="mx-4 mb-3 flex flex-col gap-2 rounded-md border border-amber-700/60 bg-amber-950/30 p-3"
    >
      <p className="text-sm font-medium text-amber-200">
        Your new key “{created.apiKey.name}”: copy it now, it will not be shown again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="api-key-secret"
          className="rounded bg-zinc-950 px-2 py-1 font-mono text-xs break-all text-zinc-100 select-all"
        >
          {created.secret}
        </code>
        <CopyButton text={created.secret} testId="api-key-copy" />
      </div>
      <p className="text-xs text-amber-200/80">
        Tidemark keeps only a hash of it. Send it as{' '}
        <span className="font-mono">Authorization: Bearer &lt;key&gt;</span>. Anyone with the key
        can act with its scopes: keep it secret, and revoke it if it leaks or gets lost.
      </p>
      <div>
        <button type="button" data-testid="api-key-dismiss" className={BUTTON} onClick={dismiss}>
          I have saved it
        </button>
      </div>
    </div>
  );
}
