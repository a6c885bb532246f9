import { describe, expect, it } from 'vitest';
import { maskValues } from './mask-values.js';
import { estimateJaccard, minHashSignature } from './min-hash.js';

describe('maskValues', () => {
  it('masks every number, decimals and thousands included', () => {
    expect(maskValues('Solve 3x + 5 = 2.5 and 1,000 - x^2 = 0.')).toBe('Solve 0x + 0 = 0 and 0 - x^0 = 0.');
  });

  it('masks names wherever they appear once one appears inside a sentence', () => {
    expect(maskValues('Alice is 3 times as old as Ben. In 5 years, Alice will be twice as old. How old is Alice?')).toBe(
      'someone is 0 times as old as someone. In 0 years, someone will be twice as old. How old is someone?',
    );
  });

  it('leaves sentence-initial words, LaTeX commands and acronyms alone', () => {
    const text = 'Triangle ABC has $\\Delta = 4$. Find its area. Compute the Area of ABC.';
    expect(maskValues(text)).toBe('Triangle ABC has $\\Delta = 0$. Find its area. Compute the someone of ABC.');
  });

  it('makes one-number twins identical for MinHash while unrelated problems stay apart', () => {
    const a = 'Maya buys 12 pencils at 3 dollars each and gives 4 of them to Samir. How many dollars did the pencils she kept cost?';
    const b = a.replace('12 pencils', '15 pencils').replace('Maya', 'Rosa');
    const other = 'Find the number of positive divisors of 360 that are perfect squares.';
    const sig = (t: string) => minHashSignature(maskValues(t), 64);
    expect(estimateJaccard(sig(a), sig(b))).toBe(1);
    expect(estimateJaccard(minHashSignature(a, 64), minHashSignature(b, 64))).toBeLessThan(0.85);
    expect(estimateJaccard(sig(a), sig(other))).toBeLessThan(0.2);
  });
});
