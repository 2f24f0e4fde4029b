import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The apps/devnet folder, wherever the repository is checked out. */
export const devnetRoot = fileURLToPath(new URL('..', import.meta.url));
export const contractsDir = path.join(devnetRoot, 'contracts');
export const artifactsDir = path.join(devnetRoot, 'artifacts');
export const hardhatConfigPath = path.join(devnetRoot, 'hardhat.config.cjs');
export const parentWatchdogPath = path.join(devnetRoot, 'src', 'chain', 'parent-watchdog.cjs');
