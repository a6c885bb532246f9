import { describe, expect, it } from 'vitest';
import { answersEqual } from './answers-equal.js';
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
  it.each([
    ['5', '5.0', true],
    ['0.75', '\\frac{3}{4}', true],
    ['3/4', '\\dfrac{3}{4}', true],
    ['-3/4', '\\frac{-3}{4}', true],
    ['-\\frac{3}{4}', '-0.75', true],
    ['1/3', '0.3333333', true],
    ['1/3', '0.333', false],
    ['1000000', '1000000.5', true],
    ['1000', '1000.5', false],
    ['$12$', '12.', true],
    ['(1, 2)', '\\left(1,2\\right)', true],
    ['(1, 2)', '(2, 1)', false],
    ['(1, 2)', '(1, 2, 3)', false],
    ['(0.5, 2)', '(\\frac{1}{2}, 2)', true],
    ['-5', '5', false],
    ['x = -2', '-2', true],
    ['x^2+1', 'x^2 + 1', true],
    ['\\sqrt{8}', '2\\sqrt{2}', false],
    ['', '', false],
    ['abc', '5', false],
    ['0', '-0.0', true],
    ['1e3', '1000', false],
  ])('answersEqual(%j, %j) = %s', (a, b, expected) => {
    expect(answersEqual(a, b)).toBe(expected);
    expect(answersEqual(b, a)).toBe(expected);
  });
});
