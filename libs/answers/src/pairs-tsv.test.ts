import { describe, expect, it } from 'vitest';
import { PairsTsvError, parsePairsTsv } from './pairs-tsv.js';

describe('parsePairsTsv', () => {
  it('reads pairs, expected verdicts and labels, skipping comments and blank lines', () => {
    const text = ['# a comment', '\\frac12\t0.5\t1\tfraction', '', '7\t8\t0', '2x\tx+x', 'a\tb\tequivalent', '1\t2\tNo\r', '\t\t0'].join('\n');
    expect(parsePairsTsv(text)).toEqual([
      { line: 2, a: '\\frac12', b: '0.5', expected: true, label: 'fraction' },
      { line: 4, a: '7', b: '8', expected: false },
      { line: 5, a: '2x', b: 'x+x' },
      { line: 6, a: 'a', b: 'b', expected: true },
      { line: 7, a: '1', b: '2', expected: false },
      { line: 8, a: '', b: '', expected: false },
    ]);
  });

  it('names every malformed line', () => {
    const text = ['1\t1\t1', 'only one column', '2\t2\tmaybe', '3\t3'].join('\n');
    expect(() => parsePairsTsv(text)).toThrow(PairsTsvError);
    try {
      parsePairsTsv(text);
    } catch (error) {
      const problems = (error as PairsTsvError).problems;
      expect(problems.map((p) => p.line)).toEqual([2, 3]);
      expect(problems[0]?.message).toBe('expected two answers separated by a tab');
      expect(problems[1]?.message).toContain('got "maybe"');
      expect((error as Error).message).toMatch(/^line 2: .*; line 3: /);
    }
  });
});
