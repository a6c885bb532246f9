export * from './extract-boxed.js';
export * from './extract-final-answer.js';
export { normalizeAnswer } from './normalize-answer.js';
export { cleanAnswerLatex } from './clean-answer-latex.js';
export { parseAnswerStructure, type AnswerStructure } from './parse-answer-structure.js';
export { numbersClose, ABSOLUTE_TOLERANCE } from './numbers-close.js';
export { AnswerChecker } from './answer-checker.js';
export * from './answers-equal.js';
export * from './majority-answer.js';
