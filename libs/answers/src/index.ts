export * from './extract-boxed.js';
export * from './extract-final-answer.js';
export { normalizeAnswer } from './normalize-answer.js';
export * from './answers-equal.js';
