export * from './build-plan.js';
export * from './build-platform.js';
export * from './production-inputs.js';
export * from './dockerfile.js';
export * from './image-emulation.js';
