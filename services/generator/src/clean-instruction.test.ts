import { describe, expect, it } from 'vitest';
import { cleanInstruction } from './clean-instruction.js';

describe('cleanInstruction', () => {
  it('strips surrounding whitespace like Magpie', () => {
    expect(cleanInstruction('  Solve x + 1 = 2.\n', new Set())).toEqual({ accepted: true, instruction: 'Solve x + 1 = 2.' });
  });

  it('drops empty and whitespace-only output', () => {
    expect(cleanInstruction('', new Set())).toEqual({ accepted: false, reason: 'empty' });
    expect(cleanInstruction(' \n\t', new Set())).toEqual({ accepted: false, reason: 'empty' });
  });

  it('drops an exact duplicate of an accepted instruction', () => {
    const seen = new Set<string>();
    expect(cleanInstruction('Find 2 + 2.', seen).accepted).toBe(true);
    expect(cleanInstruction(' Find 2 + 2. ', seen)).toEqual({ accepted: false, reason: 'duplicate' });
  });
});
