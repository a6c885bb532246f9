export * from './unitag-prompts.js';
export * from './unitag-schemas.js';
export * from './unitag-parse.js';
