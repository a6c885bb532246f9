export * from './errors.js';
export * from './model-catalog.js';
export * from './domain-catalog.js';
export * from './preset-catalog.js';
export * from './load-catalog.js';
export * from './render-pre-query.js';
export * from './serving-settings.js';
export * from './catalog-env.js';
