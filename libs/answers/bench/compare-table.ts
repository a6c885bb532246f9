// Times the answer checker over the public table: `npm run bench -w @magpie/answers`.
// Prints the mean time per comparison cold (each pair's answers parsed on first sight, as the
// reward stage meets new answers), the parse and compare costs separately, and the cost of
// answerAgreement over problems of six answers (five samples and the SFT solution).
import { readFileSync } from 'node:fs';
import { answerAgreement, createAnswerChecker, EQUIVALENCE_TABLE_PATH, parsePairsTsv } from '../src/index.js';
import { structuresEqual } from '../src/structures-equal.js';

const pairs = parsePairsTsv(readFileSync(EQUIVALENCE_TABLE_PATH, 'utf8'));

function stats(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return `mean ${mean.toFixed(3)} ms, median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${at(1).toFixed(1)} ms (n = ${samples.length})`;
}

function time<T>(f: () => T): [T, number] {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
}

// 1. Cold: a fresh checker, every pair once, both orders (the second order hits the verdict cache).
const cold = createAnswerChecker();
let errors = 0;
const coldTimes = pairs.map((p) => {
  const [verdict, ms] = time(() => cold.equal(p.a, p.b));
  if (p.expected !== undefined && verdict !== p.expected) errors++;
  return ms;
});
console.log(`table: ${pairs.length} pairs, ${errors} errors (error rate ${((100 * errors) / pairs.length).toFixed(2)}%)`);
console.log(`cold comparison (parses included, engine start-up in the first): ${stats(coldTimes)}`);

// 2. Parse and compare separately, on a second checker whose engine is already started.
const warm = createAnswerChecker();
warm.equal('x^2', 'x \\cdot x');
const answers = [...new Set(pairs.flatMap((p) => [p.a.trim(), p.b.trim()]))].filter((a) => a !== '');
const parseTimes = answers.map((a) => time(() => warm.parse(a))[1]);
console.log(`parse of one answer (${answers.length} distinct): ${stats(parseTimes)}`);
const compareTimes = pairs.map((p) => time(() => structuresEqual(warm.parse(p.a), warm.parse(p.b)))[1]);
console.log(`comparison of two parsed answers: ${stats(compareTimes)}`);

// 3. The reward stage: groups of six answers drawn from the table (a fixed pseudo-random order).
let seed = 12345;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const problems = Array.from({ length: 200 }, () => Array.from({ length: 6 }, () => answers[Math.floor(next() * answers.length)] as string));
const stage = createAnswerChecker();
const [, stageMs] = time(() => problems.forEach((answersOfProblem) => answerAgreement(answersOfProblem, stage)));
const comparisons = problems.length * 15;
console.log(`answerAgreement over ${problems.length} problems of 6 answers: ${(stageMs / problems.length).toFixed(2)} ms per problem, ${(stageMs / comparisons).toFixed(3)} ms per comparison (at most 15 per problem)`);
