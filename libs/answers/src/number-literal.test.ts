import { describe, expect, it } from 'vitest';
import { readNumberLiteral } from './number-literal.js';

describe('readNumberLiteral', () => {
  it.each([
    ['42', '42', undefined],
    ['-7', '-7', undefined],
    ['3.14', '157/50', { places: 2, significant: 3 }],
    ['-0.050', '-1/20', { places: 3, significant: 2 }],
    ['.5', '1/2', { places: 1, significant: 1 }],
    ['1e-13', '1/10000000000000', { places: 13, significant: 1 }],
    ['6.02 \\times 10^{23}', '602000000000000000000000', { places: -21, significant: 3 }],
    ['1.5\\cdot 10^3', '1500', { places: -2, significant: 2 }],
    ['\\frac{3}{4}', '3/4', undefined],
    ['-\\frac{6}{8}', '-3/4', undefined],
    ['\\frac12', '1/2', undefined],
    ['7 / 9', '7/9', undefined],
    ['2\\frac{1}{2}', '5/2', undefined],
    ['-2\\frac12', '-5/2', undefined],
    ['0.\\overline{3}', '1/3', undefined],
    ['0.1\\overline{6}', '1/6', undefined],
  ])('%s is %s, precision %j', (text, value, decimal) => {
    const literal = readNumberLiteral(text);
    expect(literal?.value.toString()).toBe(value);
    expect(literal?.decimal).toEqual(decimal);
  });

  it.each(['x', '2x', '\\sqrt{2}', '1,000', '\\frac{1}{0}', '3 + 4', ''])('leaves %j to the compute engine', (text) => {
    expect(readNumberLiteral(text)).toBeUndefined();
  });
});
