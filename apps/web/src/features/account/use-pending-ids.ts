'use client';

import { useCallback, useState } from 'react';

export interface PendingIds {
  /** Ids whose action is under way (their buttons are disabled). */
  pending: ReadonlySet<string>;
  /** Marks `id` pending until `work` settles. */
  track: (id: string, work: Promise<unknown>) => void;
}

/** Which rows have an action in flight (remove, revoke), so each is sent once. */
export function usePendingIds(): PendingIds {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const track = useCallback((id: string, work: Promise<unknown>) => {
    setPending((current) => new Set(current).add(id));
    void work.finally(() =>
      setPending((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      }),
    );
  }, []);
  return { pending, track };
}
