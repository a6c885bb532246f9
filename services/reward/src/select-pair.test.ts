import { describe, expect, it } from 'vitest';
import { selectMagpiePair } from './select-pair.js';

describe('selectMagpiePair', () => {
  it('chooses the maximum and rejects the minimum', () => {
    expect(selectMagpiePair([0.1, 2.5, -1, 0.3, 1])).toEqual({ chosen: 1, rejected: 2 });
  });

  it('resolves ties to the earliest response, like Python list.index', () => {
    expect(selectMagpiePair([1, 3, 3, -2, -2])).toEqual({ chosen: 1, rejected: 3 });
  });

  it('pairs a response with itself when all scores are equal, as Magpie does', () => {
    expect(selectMagpiePair([0.5, 0.5, 0.5])).toEqual({ chosen: 0, rejected: 0 });
  });

  it('refuses an empty list', () => {
    expect(() => selectMagpiePair([])).toThrow(RangeError);
  });
});
