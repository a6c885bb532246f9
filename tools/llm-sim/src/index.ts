export * from './llm-simulator.js';
export * from './config.js';
export * from './errors.js';
export { ProblemRegistry, allFamilies, type GeneratedProblem, type RecognisedSolution } from './problems/problem-registry.js';
export type { Problem, ProblemFamily, Solution } from './problems/problem-family.js';
export { Rng } from './rng.js';
