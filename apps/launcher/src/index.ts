export { parseLauncherConfig, type LauncherConfig } from './launcher-config';
export { startTidemark, type RunningTidemark, type StartOptions } from './start-tidemark';
