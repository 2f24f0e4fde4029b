export { ConfigError } from './config-error';
export { parseSetting, type Env, type SettingOptions } from './parse-setting';
export {
  logLevels,
  parseSharedSettings,
  sharedSettings,
  type LogLevel,
  type SharedSettings,
  type StoreSettings,
} from './shared-settings';
export { createLogger } from './logger';
export { openAdapters, type Adapters } from './open-adapters';
export { failureLine } from './failure-line';
export { exitCodes, runMain, type RunMainOptions, type StopHook } from './run-main';
