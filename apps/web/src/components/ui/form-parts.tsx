import type { ReactNode } from 'react';

/** A labelled form control, label above, in the dashboard's small print. */
export function Field({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={`flex flex-col gap-1 text-xs text-zinc-500 ${wide ? 'min-w-80 flex-1' : ''}`}>
      {label}
      {children}
    </label>
  );
}

/** Why a form was not sent, or what the gateway answered; nothing when all is well. */
export function FormProblem({ message, testId }: { message: string | null; testId: string }) {
  if (message === null) return null;
  return (
    <p data-testid={testId} role="alert" className="w-full text-xs text-amber-300/90">
      {message}
    </p>
  );
}
