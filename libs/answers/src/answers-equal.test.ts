import { describe, expect, it } from 'vitest';
import { answersEqual, createAnswerChecker } from './answers-equal.js';
import { normalizeAnswer } from './normalize-answer.js';

describe('normalizeAnswer', () => {
  it.each([
    ['  42 ', '42'],
    ['007', '7'],
    ['+5', '5'],
    ['-0', '0'],
    ['2.50', '2.5'],
    ['3.0', '3'],
    ['.5', '0.5'],
    ['6/8', '3/4'],
    ['4/2', '2'],
    ['3/-4', '-3/4'],
    ['\\frac{3}{4}', '3/4'],
    ['\\dfrac{10}{4}', '5/2'],
    ['\\tfrac12', '1/2'],
    ['-\\frac{6}{9}', '-2/3'],
    ['$\\frac{1}{2}$', '1/2'],
    ['$$7$$', '7'],
    ['\\(8\\)', '8'],
    ['x = 5', '5'],
    ['9.', '9'],
    ['$5$.', '5'],
    ['\\left( 1, 2 \\right)', '(1,2)'],
    ['(2/4, -0.50)', '(1/2,-0.5)'],
    ['140^\\circ', '140'],
    ['140°', '140'],
    ['\\text{12}', '12'],
    ['\\frac{\\sqrt{2}}{2}', '(\\sqrt{2})/(2)'],
    ['2\\frac{1}{2}', '2(1)/(2)'],
    ['x^2 + 1', 'x^2+1'],
  ])('normalizeAnswer(%j) = %j', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

/** [category, a, b, equivalent] — every pair is also checked in the other order. */
const PAIRS: readonly (readonly [string, string, string, boolean])[] = [
  // integers
  ['integer', '5', '5.0', true],
  ['integer', '007', '7', true],
  ['integer', '+5', '5', true],
  ['integer', '-5', '5', false],
  ['integer', '0', '-0.0', true],
  ['integer', '123456789', '123456790', false],
  ['integer', '12', '13', false],
  ['integer', '1,000', '1000', true],
  ['integer', '1{,}000{,}000', '1000000', true],
  ['integer', '$12$', '12.', true],
  ['integer', '\\(8\\)', '8', true],
  ['integer', '\\boxed{42}', '42', true],
  ['integer', '2^{10}', '1024', true],
  ['integer', '5!', '120', true],
  ['integer', '\\binom{5}{2}', '10', true],
  // fractions
  ['fraction', '0.75', '\\frac{3}{4}', true],
  ['fraction', '3/4', '\\dfrac{3}{4}', true],
  ['fraction', '\\frac12', '0.5', true],
  ['fraction', '\\tfrac{1}{2}', '1/2', true],
  ['fraction', '-3/4', '\\frac{-3}{4}', true],
  ['fraction', '-\\frac{3}{4}', '-0.75', true],
  ['fraction', '6/8', '\\frac{3}{4}', true],
  ['fraction', '\\frac{10}{4}', '2.5', true],
  ['fraction', '\\frac{1}{3}', '\\frac{1}{4}', false],
  ['fraction', '\\frac{2}{3}', '\\frac{3}{2}', false],
  ['fraction', '2\\frac{1}{2}', '\\frac{5}{2}', true],
  ['fraction', '\\frac{1}{2}', '-\\frac{1}{2}', false],
  // decimals (tolerance 1e-6 relative)
  ['decimal', '1/3', '0.3333333', true],
  ['decimal', '1/3', '0.333', false],
  ['decimal', '1000000', '1000000.5', true],
  ['decimal', '1000', '1000.5', false],
  ['decimal', '2.50', '2.5', true],
  ['decimal', '.5', '0.5', true],
  ['decimal', '3.1415', '\\pi', false],
  ['decimal', '3.1415926', '\\pi', true],
  ['decimal', '0.1+0.2', '0.3', true],
  ['decimal', '1e3', '1000', true],
  ['decimal', '0.\\overline{3}', '\\frac{1}{3}', true],
  ['decimal', '1.41421356', '\\sqrt{2}', true],
  ['decimal', '1.414', '\\sqrt{2}', false],
  // LaTeX expressions
  ['expression', '2\\sqrt{2}', '\\sqrt{8}', true],
  ['expression', '\\sqrt{8}', '3\\sqrt{2}', false],
  ['expression', '\\frac{\\sqrt{2}}{2}', '\\frac{1}{\\sqrt{2}}', true],
  ['expression', '\\pi/2', '\\frac{\\pi}{2}', true],
  ['expression', '\\frac{\\pi}{2}', '\\frac{\\pi}{3}', false],
  ['expression', '90^\\circ', '90', true],
  ['expression', '\\sqrt[3]{8}', '2', true],
  ['expression', '\\log_2 8', '3', true],
  ['expression', 'e^{i\\pi}', '-1', true],
  ['expression', '\\left(\\frac{1}{2}\\right)^2', '\\frac14', true],
  ['expression', '\\cos\\frac{\\pi}{2}', '0', true],
  ['expression', '2+3i', '3i+2', true],
  ['expression', '2+3i', '2-3i', false],
  ['expression', '10^{10^{10}}', '10^{10^{10}}+1', false],
  // algebraic expressions with variables
  ['algebra', 'x^2-1', '(x-1)(x+1)', true],
  ['algebra', 'x^2+2x+1', '(x+1)^2', true],
  ['algebra', 'x^2+2x+1', '(x-1)^2', false],
  ['algebra', 'x^2 + 1', 'x^2+1', true],
  ['algebra', '2x+3', '3+2x', true],
  ['algebra', '\\frac{x}{2}', '0.5x', true],
  ['algebra', 'x^2', 'x^3', false],
  ['algebra', 'x', 'y', false],
  ['algebra', '\\sin^2 x+\\cos^2 x', '1', true],
  ['algebra', 'a_1 + a_2', 'a_2 + a_1', true],
  ['algebra', '\\pi r^2', 'r^2\\pi', true],
  ['algebra', 'y = 2x+1', '2x+1', true],
  ['algebra', '2x+1 = y', 'y = 1 + 2x', true],
  ['algebra', '2x - y + 1 = 0', '4x - 2y + 2 = 0', true],
  ['algebra', '2x - y + 1 = 0', '2x - y - 1 = 0', false],
  // percentages: equal to both the bare number and the fraction
  ['percent', '50\\%', '0.5', true],
  ['percent', '50\\%', '50', true],
  ['percent', '50%', '\\frac{1}{2}', true],
  ['percent', '50\\%', '50%', true],
  ['percent', '50\\%', '5', false],
  ['percent', '12.5\\%', '\\frac{1}{8}', true],
  ['percent', '25\\%', '0.5', false],
  // intervals
  ['interval', '[1, 3)', '[1,3)', true],
  ['interval', '[1, 3)', '[1, 3]', false],
  ['interval', '[1, 3)', '(1, 3)', false],
  ['interval', '(-\\infty, 2]', '(-\\infty,2]', true],
  ['interval', '(-\\infty, 2]', '\\left(-\\infty, 2\\right]', true],
  ['interval', '(-\\infty, 2]', '(-\\infty, 2)', false],
  ['interval', '(-\\infty, 2]', '[2, \\infty)', false],
  ['interval', '[\\frac{1}{2}, 4)', '[0.5, 4)', true],
  ['interval', 'x \\in [0, \\pi]', '[0, \\pi]', true],
  ['interval', '(-\\infty, 1) \\cup (2, \\infty)', '(2, \\infty) \\cup (-\\infty, 1)', true],
  ['interval', '(-\\infty, 1) \\cup (2, \\infty)', '(-\\infty, 1] \\cup (2, \\infty)', false],
  // sets (unordered)
  ['set', '\\{1, 2\\}', '\\{2, 1\\}', true],
  ['set', '\\{1, 2\\}', '\\{1, 3\\}', false],
  ['set', '\\{1, 2\\}', '\\{1, 2, 3\\}', false],
  ['set', '\\left\\{\\frac12, 2\\right\\}', '\\{2, 0.5\\}', true],
  ['set', '\\{1, 1, 2\\}', '\\{1, 2, 2\\}', false],
  ['set', '1, 2', '2, 1', true],
  ['set', 'x = 1, x = 2', '\\{2, 1\\}', true],
  ['set', '3 \\text{ or } -3', '\\pm 3', true],
  ['set', '1 \\pm \\sqrt{2}', '1 - \\sqrt{2}, 1 + \\sqrt{2}', true],
  ['set', '\\{3\\}', '3', true],
  ['set', '\\emptyset', '\\{\\}', true],
  ['set', '\\emptyset', '\\{0\\}', false],
  // tuples (order matters)
  ['tuple', '(1, 2)', '\\left(1,2\\right)', true],
  ['tuple', '(1, 2)', '(2, 1)', false],
  ['tuple', '(1, 2)', '(1, 2, 3)', false],
  ['tuple', '(0.5, 2)', '(\\frac{1}{2}, 2)', true],
  ['tuple', '(0,100)', '(0, 100)', true],
  ['tuple', '(\\sqrt{8}, -1)', '(2\\sqrt{2}, -1)', true],
  ['tuple', '\\langle 1, 2 \\rangle', '\\langle 1, 2 \\rangle', true],
  ['tuple', '(1, 2)', '\\{1, 2\\}', false],
  // `x = …` prefixes
  ['prefix', 'x = 3', '3', true],
  ['prefix', 'x = -2', '-2', true],
  ['prefix', 'x=3', 'x = 4', false],
  ['prefix', 'f(x) = x^2', 'x^2', true],
  ['prefix', 'a_{n} = 7', '7', true],
  // text answers, case-insensitive
  ['text', 'Yes', 'yes', true],
  ['text', '\\text{Monday}', 'monday', true],
  ['text', '\\textbf{No solution}', 'no  solution', true],
  ['text', 'yes', 'no', false],
  ['text', 'abc', '5', false],
  ['text', '\\text{five}', '5', false],
  ['text', '(C)', 'C', true],
  ['text', 'C', 'D', false],
  // units stripped
  ['unit', '5\\text{ cm}', '5', true],
  ['unit', '3\\,\\text{cm}^2', '3', true],
  ['unit', '12 \\mbox{ meters}', '12', true],
  ['unit', '5 cm', '5', true],
  ['unit', '12 students', '12', true],
  ['unit', '\\$5', '5', true],
  ['unit', '5\\text{ cm}', '6\\text{ cm}', false],
  ['unit', '\\text{12}', '12', true],
  // unparseable input falls back to normalised strings
  ['fallback', '', '', false],
  ['fallback', '   ', '0', false],
  ['fallback', '\\foo{1}', '\\foo{1}', true],
  ['fallback', '\\foo{1}', '\\foo{2}', false],
  ['fallback', '\\frac{1}{2', '\\frac{1}{2', true],
  ['fallback', '\\frac{1}{2', '0.5', false],
  ['fallback', '((1, 2)', '(1, 2)', false],
  ['fallback', '100000!', '100000!', true],
  ['fallback', '100000!', '99999!', false],
];

describe('answersEqual', () => {
  const checker = createAnswerChecker();

  it('has a table of at least 100 pairs covering every category', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(PAIRS.map(([category]) => category));
    for (const category of categories) {
      const outcomes = new Set(PAIRS.filter(([c]) => c === category).map(([, , , equal]) => equal));
      expect(outcomes, `${category} has equivalent and different pairs`).toEqual(new Set([true, false]));
    }
  });

  it.each(PAIRS)('%s: answersEqual(%j, %j) = %s', (_category, a, b, expected) => {
    expect(answersEqual(a, b, checker)).toBe(expected);
    expect(answersEqual(b, a, checker)).toBe(expected);
  });

  it('works without a checker', () => {
    expect(answersEqual('2\\sqrt{2}', '\\sqrt{8}')).toBe(true);
    expect(answersEqual('7', '8')).toBe(false);
  });

  it('does not let one comparison change how the next one parses', () => {
    const fresh = createAnswerChecker();
    expect(fresh.equal('x_1 + x_2', 'x_2 + x_1')).toBe(true);
    expect(fresh.equal('x^2', 'x \\cdot x')).toBe(true);
    expect(fresh.equal('f(2)', '2f')).toBe(true);
    expect(fresh.equal('x(x+1)', 'x^2+x')).toBe(true);
  });

  it('never throws, and stays fast, on hostile input', () => {
    const hostile = ['\\', '{', '}}}', '\\frac', '^^^', '\\left(', '$', '\\boxed{', 'x'.repeat(5000), '('.repeat(300), '\\sqrt{'.repeat(50)];
    const started = performance.now();
    for (const a of hostile) for (const b of hostile) expect(typeof answersEqual(a, b, checker)).toBe('boolean');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
