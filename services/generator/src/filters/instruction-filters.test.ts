import type { GenerationFilters } from '@magpie/contracts';
import { describe, expect, it } from 'vitest';
import { filterInstruction, looksLikeMath, sanitizeInstruction } from './instruction-filters.js';

const filters: GenerationFilters = { minChars: 15, maxChars: 200, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true };

describe('filterInstruction', () => {
  it.each([
    ['', 'stop', 'empty'],
    ['   \n', 'stop', 'empty'],
    ['Solve for x: 3x + 7 = 22 and', 'length', 'truncated'],
    ['Solve x=1.', 'stop', 'too_short'],
    ['Solve for x: ' + '1 + '.repeat(60) + '1 = x.', 'stop', 'too_long'],
    ['Consider the following equations:', 'stop', 'ends_with_colon'],
    ['Tell me a story about a brave knight.', 'stop', 'not_math'],
  ] as const)('rejects %j (finish %s) as %s', (raw, finish, reason) => {
    expect(filterInstruction(raw, finish, filters)).toMatchObject({ accepted: false, reason });
  });

  it('accepts and strips a good problem', () => {
    expect(filterInstruction('  Solve for x: 3x + 7 = 22.\n', 'stop', filters)).toEqual({ accepted: true, instruction: 'Solve for x: 3x + 7 = 22.' });
  });

  it('keeps a leaked answer unless sanitize is on', () => {
    const leaky = 'What is the sum of 17 and 25? Answer: 42';
    expect(filterInstruction(leaky, 'stop', filters)).toMatchObject({ accepted: true, instruction: leaky });
    expect(filterInstruction(leaky, 'stop', { ...filters, sanitize: true })).toEqual({
      accepted: true,
      instruction: 'What is the sum of 17 and 25?',
      sanitizeClass: '4.1',
    });
    expect(filterInstruction('\\boxed{42}', 'stop', { ...filters, sanitize: true })).toMatchObject({ accepted: false, reason: 'answer_leak' });
  });
});

describe('sanitizeInstruction', () => {
  it("reproduces Magpie's marker regex with its trailing `s?:` quirk", () => {
    expect(sanitizeInstruction('Find x if 2x = 8. The answer is: 4').sanitizeClass).toBe('4');
    expect(sanitizeInstruction('Find x if 2x = 8. The answer is: 4').text).toBe('Find x if 2x = 8.');
    // "Solution:" alone does not match Magpie's regex (it needs "Solution::"), our leak markers catch it.
    expect(sanitizeInstruction('Find x if 2x = 8.\nSolution: x = 4').sanitizeClass).toBe('4.1');
    expect(sanitizeInstruction('Find x if 2x = 8.')).toEqual({ text: 'Find x if 2x = 8.', sanitizeClass: '0' });
  });
});

describe('looksLikeMath', () => {
  it('recognises numbers, LaTeX and math words', () => {
    expect(looksLikeMath('Evaluate \\frac{a}{b}')).toBe(true);
    expect(looksLikeMath('How many ways can five people sit?')).toBe(true);
    expect(looksLikeMath('Write a poem about autumn leaves.')).toBe(false);
  });
});
