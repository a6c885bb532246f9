export * from './errors.js';
export * from './free-port.js';
export * from './find-nats-server.js';
export * from './managed-child.js';
export * from './readiness.js';
export * from './platform-plan.js';
