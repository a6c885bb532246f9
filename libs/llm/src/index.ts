export * from './errors.js';
export * from './split-reasoning.js';
export * from './inference-client.js';
export * from './reward-client.js';
export * from './derive-seed.js';
export * from './aimd-window.js';
export * from './backend-pool.js';
export * from './create-pools.js';
