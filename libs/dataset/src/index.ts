export * from './errors.js';
export * from './dataset-dir-name.js';
export * from './dataset-file-names.js';
export * from './dataset-info.js';
export * from './magpie-rows.js';
export * from './dataset-writer.js';
