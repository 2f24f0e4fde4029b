import type { ReactNode } from 'react';

export interface PanelProps {
  /** The heading's element id, which labels the section. */
  headingId: string;
  title: string;
  /** A short note under the title. */
  note?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One titled box of the dashboard. */
export function Panel({ headingId, title, note, testId, children }: PanelProps) {
  return (
    <section
      data-testid={testId}
      aria-labelledby={headingId}
      className="rounded-lg border border-zinc-800 bg-zinc-900/60"
    >
      <h2
        id={headingId}
        // A note sits close under the title and keeps the space before the content itself.
        className={`px-4 pt-3 ${note === undefined ? 'pb-2' : 'pb-1'} text-sm font-semibold text-zinc-300`}
      >
        {title}
      </h2>
      {note !== undefined && <p className="px-4 pb-3 text-xs text-zinc-500">{note}</p>}
      {children}
    </section>
  );
}
