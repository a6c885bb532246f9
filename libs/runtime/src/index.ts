export * from './shutdown-on-signal.js';
export * from './health-server.js';
export * from './find-nats-server.js';
export * from './metrics-registry.js';
