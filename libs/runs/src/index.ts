export * from './errors.js';
export * from './run-store.js';
export * from './record-log.js';
export * from './run-tracker.js';
export * from './platform.js';
export * from './pause-notes.js';
export * from './quality-counts.js';
