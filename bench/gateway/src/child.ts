import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A bench child process (a `.ts` file of this folder run through tsx) with an IPC channel and a
 * file-descriptor limit of `maxFiles`: each WebSocket is a descriptor, and 10,000s of them exceed
 * the usual default of 1024 (raising the hard limit needs root; see README).
 */
export function spawnChild(
  file: string,
  argument: unknown,
  maxFiles: number,
  nodeFlags: string[] = [],
): ChildProcess {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const command = [
    `ulimit -n ${maxFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"`,
    'exec "$0" "$@"',
  ].join('; ');
  return spawn(
    'bash',
    [
      '-c',
      command,
      process.execPath,
      ...nodeFlags,
      '--import',
      'tsx',
      script,
      JSON.stringify(argument),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
}

/** Sends `message` and resolves with the child's next message of type `expect`. */
export function ask<T extends { type: string }>(
  child: ChildProcess,
  message: unknown,
  expect: T['type'],
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no "${expect}" from the child within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (reply: T) => {
      if (reply.type !== expect) return;
      cleanup();
      resolve(reply);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the child exited (code ${code}) while "${expect}" was awaited`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (message !== undefined) child.send(message as object);
  });
}
