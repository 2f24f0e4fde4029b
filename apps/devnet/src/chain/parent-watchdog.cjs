// Preloaded into the Hardhat node process. The parent holds the other end of our stdin pipe; the
// operating system closes it when the parent exits for any reason (even SIGKILL), and then this
// process ends too, so a chain is never left running without its owner.
'use strict';

const parentPid = process.ppid;

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

// Belt and braces for platforms where the pipe is inherited elsewhere: a re-parented process has
// a different parent pid.
setInterval(() => {
  if (process.ppid !== parentPid) process.exit(0);
}, 1000).unref();
