export * from './load-config.js';
export * from './service-env.js';
export * from './platform-files.js';
