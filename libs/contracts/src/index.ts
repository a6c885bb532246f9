export * from './common.js';
export * from './run-spec.js';
export * from './run-state.js';
export * from './records.js';
export * from './run-events.js';
export * from './generation-task.js';
export * from './dead-letter.js';
export * from './subjects.js';
