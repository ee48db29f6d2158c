export * from './limits.js';
export * from './errors.js';
export * from './accounts.js';
export * from './pages.js';
export * from './messaging.js';
export * from './realtime.js';
export * from './developer.js';
export * from './wallet.js';
