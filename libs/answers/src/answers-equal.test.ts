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

describe('answersEqual', () => {
  const checker = createAnswerChecker();

  it('never calls an empty answer equal, and calls identical text equal even when unreadable', () => {
    expect(answersEqual('', '', checker)).toBe(false);
    expect(answersEqual('  ', '0', checker)).toBe(false);
    expect(answersEqual('\\foo{1}', '\\foo{1}', checker)).toBe(true);
    expect(answersEqual('\\foo{1}', '\\foo{2}', checker)).toBe(false);
  });

  it('gives the same verdict from its cache', () => {
    const fresh = createAnswerChecker();
    const first = [fresh.equal('y = 2x + 1', '2x - y + 1 = 0'), fresh.equal('100', '100.0001')];
    expect([fresh.equal('2x - y + 1 = 0', 'y = 2x + 1'), fresh.equal('100.0001', '100')]).toEqual(first);
    expect(first).toEqual([true, false]);
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
    const hostile = [
      ...['\\', '{', '}}}', '\\frac', '^^^', '\\left(', '$', '\\boxed{', 'x'.repeat(5000), '('.repeat(300), '\\sqrt{'.repeat(50)],
      ...['1,'.repeat(500), '[1,'.repeat(100), 'x<'.repeat(200), '\\begin{pmatrix}'.repeat(30), '\\pm'.repeat(100), '9'.repeat(5000)],
      ...['10^{10^{10^{10}}}', '2^{2^{2^{2^{2^{2}}}}}', '\\frac{1}{0}', '0^0', '\\ln 0', '3001!', '\\binom{3000}{1500}'],
    ];
    const started = performance.now();
    for (const a of hostile) for (const b of hostile) expect(typeof answersEqual(a, b, checker)).toBe('boolean');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
