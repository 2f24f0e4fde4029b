export * from './kafka';
export * from './postgres';
export * from './chromium';
export * from './free-port';
export * from './eventually';
export * from './process-lines';
