import { fileURLToPath } from 'node:url';

/**
 * The public table of answer pairs with their expected verdicts (a pairs file, see parsePairsTsv):
 * the checker's specification by example. `magpie verify-answer --pairs <this file>` checks it.
 */
export const EQUIVALENCE_TABLE_PATH = fileURLToPath(new URL('../fixtures/equivalence-table.tsv', import.meta.url));
