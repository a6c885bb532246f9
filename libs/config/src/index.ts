export * from './load-config.js';
export * from './service-env.js';
