export * from './errors.js';
export * from './split-reasoning.js';
export * from './inference-client.js';
export * from './reward-client.js';
export * from './derive-seed.js';
