export * from './shutdown-on-signal.js';
export * from './health-server.js';
export * from './metrics-registry.js';
export * from './run-service-process.js';
