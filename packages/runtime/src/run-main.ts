import { failureLine } from './failure-line';

/** Runs when the process stops: on SIGINT/SIGTERM (`signal` says which) or once the body ends. */
export type StopHook = (signal?: NodeJS.Signals) => Promise<void>;

export interface RunMainOptions {
  /** The body only starts the process (a server): it then runs until a signal stops it. */
  untilSignal?: boolean;
}

/** Exit codes of every Tidemark process. */
export const exitCodes = {
  /** Stopped by a signal, or the body finished. */
  stopped: 0,
  /** A bad setting or a fatal error, reported in one line on stderr. */
  failed: 1,
} as const;

/**
 * Runs a process entry point. A bad setting or a fatal error prints one line (`failureLine`) and
 * exits 1; SIGINT/SIGTERM or the end of the body run the stop hook once, then exit 0.
 */
export function runMain(
  body: (onStop: (hook: StopHook) => void) => Promise<void>,
  options: RunMainOptions = {},
): void {
  let stopHook: StopHook | undefined;
  let stopping = false;
  const stop = (signal?: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void (stopHook ? stopHook(signal) : Promise.resolve()).then(
      () => process.exit(exitCodes.stopped),
      (error: unknown) => {
        process.stderr.write(`${failureLine(error)}\n`);
        process.exit(exitCodes.failed);
      },
    );
  };
  // Listeners stay registered while stopping: a second Ctrl-C is ignored rather than fatal.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  body((hook) => {
    stopHook = hook;
  }).then(
    () => {
      if (!options.untilSignal) stop();
    },
    (error: unknown) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${failureLine(error)}\n`);
      // Whatever already started is stopped; its own failure would only hide the first one.
      const hook = stopHook ? stopHook().catch(() => undefined) : Promise.resolve();
      void hook.finally(() => process.exit(exitCodes.failed));
    },
  );
}
