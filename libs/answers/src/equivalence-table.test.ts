import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerChecker } from './answers-equal.js';
import { EQUIVALENCE_TABLE_PATH } from './equivalence-table.js';
import { parsePairsTsv } from './pairs-tsv.js';

const TABLE = parsePairsTsv(readFileSync(EQUIVALENCE_TABLE_PATH, 'utf8'));

/** Pairs the issue names (today's false positives and the forms the checker must handle), with their verdicts. */
const REQUIRED: readonly (readonly [string, string, boolean])[] = [
  ['100', '100.0001', false],
  ['4235364', '4235364.5', false],
  ['1e-13', '0', false],
  ['3.14', '\\pi', true],
  ['y = 2x + 1', '2x - y + 1 = 0', true],
  ['x \\le 2', '(-\\infty, 2]', true],
  ['\\{1,1,2\\}', '\\{1,2\\}', true],
  ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', true],
  ['\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}', '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', false],
  ['\\cfrac{1}{2}', '0.5', true],
  ['\\boxed{\\boxed{5}}', '5', true],
  ['5\\text{ cm}', '5', true],
  ['30^\\circ', '\\frac{\\pi}{6}', true],
  ['x = 2 \\text{ or } x = -3', '-3, 2', true],
  ['1{,}000', '1000', true],
  ['(1,000)', '1000', false],
];

describe('the public equivalence table', () => {
  const checker = createAnswerChecker();

  it('has at least 250 pairs, each category with equivalent and different pairs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(250);
    const outcomes = new Map<string, Set<boolean>>();
    for (const { label, expected } of TABLE) outcomes.set(label ?? '', (outcomes.get(label ?? '') ?? new Set()).add(expected ?? true));
    for (const [category, seen] of outcomes) expect(seen, `${category} has equivalent and different pairs`).toEqual(new Set([true, false]));
  });

  it('contains every pair the issue names, with its verdict', () => {
    const verdicts = new Map(TABLE.map(({ a, b, expected }) => [`${a}\u0000${b}`, expected]));
    for (const [a, b, expected] of REQUIRED) expect(verdicts.get(`${a}\u0000${b}`) ?? verdicts.get(`${b}\u0000${a}`), `${a} vs ${b}`).toBe(expected);
  });

  it.each(TABLE.map((p) => [p.line, p.label ?? '', p.a, p.b, p.expected] as const))('line %i (%s): %j vs %j is %s', (...[, , a, b, expected]) => {
    expect(checker.equal(a, b)).toBe(expected);
    expect(checker.equal(b, a)).toBe(expected);
  });
});
