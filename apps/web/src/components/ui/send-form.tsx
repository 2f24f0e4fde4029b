'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import type { FormResult } from '../../lib/form-result';
import { PRIMARY_BUTTON } from './buttons';
import { FormProblem } from './form-parts';

export interface SendFormProps<T> {
  /** The form's test id; its problem line's is `${testId}-problem`. */
  testId: string;
  gap: 'gap-2' | 'gap-3';
  /** Checks what the fields hold, when the form is submitted. */
  read: () => FormResult<T>;
  /** Resolves null when the gateway took it, else what went wrong. */
  send: (input: T) => Promise<string | null>;
  /** Clears the fields after a send that worked. */
  sent: () => void;
  submit: { testId: string; label: string; busyLabel: string };
  children: ReactNode;
}

/** A one-line form of fields and a submit button, with the reason it was not sent below. */
export function SendForm<T>({ testId, gap, read, send, sent, submit, children }: SendFormProps<T>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = read();
    if (!result.ok) return setProblem(result.problem);
    setBusy(true);
    setProblem(null);
    void send(result.value).then((failure) => {
      setBusy(false);
      setProblem(failure);
      if (failure === null) sent();
    });
  };

  return (
    <form
      data-testid={testId}
      onSubmit={onSubmit}
      className={`flex flex-wrap items-end ${gap} px-4 pb-3`}
    >
      {children}
      <button type="submit" data-testid={submit.testId} className={PRIMARY_BUTTON} disabled={busy}>
        {busy ? submit.busyLabel : submit.label}
      </button>
      <FormProblem message={problem} testId={`${testId}-problem`} />
    </form>
  );
}
