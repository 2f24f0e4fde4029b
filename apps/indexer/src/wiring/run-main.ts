/**
 * Runs a process entry point: a bad setting or a fatal error prints one line naming the cause (no
 * stack trace) and exits 1; SIGINT/SIGTERM run the registered stop hook once, then exit 0.
 */
export function runMain(
  body: (onStop: (hook: () => Promise<void>) => void) => Promise<void>,
): void {
  let stopHook: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void (stopHook ? stopHook() : Promise.resolve()).finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop(0)); // a second Ctrl-C while stopping is ignored, not fatal
  process.on('SIGTERM', () => stop(0));
  body((hook) => {
    stopHook = hook;
  }).then(
    () => stop(0),
    (error: unknown) => {
      const e = error as { name?: string; message?: string };
      process.stderr.write(
        `tidemark: ${e.name === 'ConfigError' ? 'configuration error: ' : ''}${e.message ?? String(error)}\n`,
      );
      stopping = true;
      void (stopHook ? stopHook() : Promise.resolve()).finally(() => process.exit(1));
    },
  );
}
