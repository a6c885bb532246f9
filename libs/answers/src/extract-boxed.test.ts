import { describe, expect, it } from 'vitest';
import { extractBoxed, findBoxes, unwrapBoxes } from './extract-boxed.js';

describe('extractBoxed', () => {
  it.each([
    ['plain', 'so \\boxed{42}.', '42'],
    ['nested braces', 'x = \\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['deeply nested', '\\boxed{\\frac{\\sqrt{2}}{2}}', '\\frac{\\sqrt{2}}{2}'],
    ['last of several', 'first \\boxed{1} then \\boxed{2}', '2'],
    ['unterminated last falls back', '\\boxed{3} and \\boxed{4', '3'],
    ['escaped braces do not count', '\\boxed{\\{1, 2\\}}', '\\{1, 2\\}'],
    ['space before brace', '\\boxed {7}', '7'],
    ['no braces', 'answer \\boxed 5 done', '5'],
    ['tuple', '\\boxed{(1, 2)}', '(1, 2)'],
    ['empty box', '\\boxed{}', ''],
    ['inside dollars', '$\\boxed{-3}$', '-3'],
    ['fbox', 'so \\fbox{12}', '12'],
    ['last of boxed and fbox', '\\boxed{1} and then \\fbox{2}', '2'],
    ['boxed after fbox', '\\fbox{1} and then \\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['box inside a box gives the inner one', '\\boxed{\\boxed{5}}', '5'],
    ['text with braces', '\\boxed{\\text{(A) } 5}', '\\text{(A) } 5'],
  ])('%s', (_name, text, expected) => {
    expect(extractBoxed(text)).toBe(expected);
  });

  it.each([
    ['no box', 'the answer is 4'],
    ['only unterminated', '\\boxed{\\frac{1}{2}'],
    ['other command', '\\boxedfoo{1}'],
    ['fbox without braces or space', '\\fboxsep=3pt'],
  ])('returns undefined: %s', (_name, text) => {
    expect(extractBoxed(text)).toBeUndefined();
  });
});

describe('findBoxes', () => {
  it('lists top-level boxes with their spans; a box inside a box belongs to the outer one', () => {
    const text = 'a \\boxed{1} b \\boxed{x = \\boxed{2}} c';
    expect(findBoxes(text).map((b) => [b.content, text.slice(b.start, b.end)])).toEqual([
      ['1', '\\boxed{1}'],
      ['x = \\boxed{2}', '\\boxed{x = \\boxed{2}}'],
    ]);
  });

  it('skips an unterminated box and goes on', () => {
    expect(findBoxes('\\boxed{1 and \\boxed{2}').map((b) => b.content)).toEqual(['2']);
  });
});

describe('unwrapBoxes', () => {
  it('removes every box, nested ones too', () => {
    expect(unwrapBoxes('\\boxed{\\boxed{5}} + \\fbox{x}')).toBe('5 + x');
  });
});

