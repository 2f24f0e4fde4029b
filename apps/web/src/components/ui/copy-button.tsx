'use client';

import { useState } from 'react';
import { BUTTON } from './buttons';

type CopyState = 'idle' | 'copied' | 'failed';

const LABEL: Record<CopyState, string> = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Copy failed: select the text and copy it',
};

/** Copies `text` to the clipboard and says whether it worked. */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    const clipboard = globalThis.navigator?.clipboard;
    if (clipboard === undefined) {
      setState('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" data-testid={testId} className={BUTTON} onClick={copy}>
      {LABEL[state]}
    </button>
  );
}
