import { describe, expect, it } from 'vitest';
import { finishText, type StopRules } from './finish-text.js';

const BASE: StopRules = { stop: [], stopTokens: [], specialTokens: ['<|im_end|>'], includeStopStrInOutput: false, skipSpecialTokens: true, maxTokens: 1000 };
const GENERATED = 'Solve for x: 3x = 9.<|im_end|>\n\nassistant\n\nSure! x = 3.';

describe('finishText', () => {
  it.each([
    ['cuts at a stop string', { stop: ['<|im_end|>'] }, 'Solve for x: 3x = 9.', '<|im_end|>'],
    ['keeps the stop string when asked', { stop: ['<|im_end|>'], includeStopStrInOutput: true }, 'Solve for x: 3x = 9.', '<|im_end|>'],
    ['uses the earliest of several stops', { stop: ['assistant', '9.'] }, 'Solve for x: 3x = ', '9.'],
    ['list order does not matter', { stop: ['9.', 'assistant'] }, 'Solve for x: 3x = ', '9.'],
    ['an assistant stop catches a forgotten special token', { stop: ['assistant'] }, 'Solve for x: 3x = 9.\n\n', 'assistant'],
    ['a stop token id ends it without its text', { stopTokens: [{ text: '<|im_end|>', id: 151645 }] }, 'Solve for x: 3x = 9.', 151645],
    ['a stop token id keeps its text without skip_special_tokens', { stopTokens: [{ text: '<|im_end|>', id: 151645 }], skipSpecialTokens: false }, 'Solve for x: 3x = 9.<|im_end|>', 151645],
    ['no stop runs to the end, special tokens skipped', {}, 'Solve for x: 3x = 9.\n\nassistant\n\nSure! x = 3.', null],
    ['an empty stop string is ignored', { stop: [''] }, 'Solve for x: 3x = 9.\n\nassistant\n\nSure! x = 3.', null],
  ] as const)('%s', (_name, rules, text, stopReason) => {
    const finished = finishText(GENERATED, { ...BASE, ...rules });
    expect(finished.text).toBe(text);
    expect(finished.finishReason).toBe('stop');
    expect(finished.stopReason).toBe(stopReason);
  });

  it('truncates to max_tokens (4 characters a token) with finish_reason length', () => {
    const finished = finishText(GENERATED, { ...BASE, stop: ['<|im_end|>'], maxTokens: 3 });
    expect(finished).toEqual({ text: 'Solve for x:', finishReason: 'length', stopReason: null, completionTokens: 3 });
  });

  it('does not truncate text that fits exactly', () => {
    const finished = finishText('abcdefgh', { ...BASE, maxTokens: 2 });
    expect(finished.finishReason).toBe('stop');
    expect(finished.text).toBe('abcdefgh');
  });

  it('counts the stop string towards max_tokens only when it is kept', () => {
    expect(finishText('abcdSTOP', { ...BASE, stop: ['STOP'], maxTokens: 1 }).finishReason).toBe('stop');
    expect(finishText('abcdSTOP', { ...BASE, stop: ['STOP'], maxTokens: 1, includeStopStrInOutput: true }).finishReason).toBe('length');
  });
});
