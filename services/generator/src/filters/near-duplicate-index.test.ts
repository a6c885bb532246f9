import { describe, expect, it } from 'vitest';
import { estimateJaccard, minHashSignature, shingles } from './min-hash.js';
import { NearDuplicateIndex, SIGNATURE_SIZE } from './near-duplicate-index.js';

const sig = (text: string) => minHashSignature(text, SIGNATURE_SIZE);

describe('MinHash', () => {
  it('is deterministic and estimates Jaccard similarity', () => {
    const a = 'A circle has radius 5 cm and a chord of length 8 cm. Find the distance from the centre to the chord.';
    const b = 'A circle has radius 5 cm and a chord of length 8 cm. Find the distance from the center to the chord.';
    expect(minHashSignature(a, 64)).toEqual(minHashSignature(a, 64));
    const s = estimateJaccard(minHashSignature(a, 128), minHashSignature(b, 128));
    const exact = (() => {
      const x = new Set(shingles(a));
      const y = new Set(shingles(b));
      return [...x].filter((v) => y.has(v)).length / new Set([...x, ...y]).size;
    })();
    expect(Math.abs(s - exact)).toBeLessThan(0.15);
  });
});

describe('NearDuplicateIndex', () => {
  const base = 'Let f(x) = 3x^2 - 2x + 7. Find the derivative of f at x = 4 and explain each step of the computation.';

  it('finds the most similar signature at or above the threshold, and nothing below it', () => {
    const index = new NearDuplicateIndex();
    index.add(sig(base), 'run:problem:0');
    expect(index.nearest(sig(base.replace('computation', 'calculation')), 0.6)).toMatchObject({ recordId: 'run:problem:0' });
    expect(index.nearest(sig('A bag holds 4 red and 6 blue marbles. Two are drawn without replacement; find the probability both are red.'), 0.6)).toBeUndefined();
  });

  it('never returns the record asked about itself (a redelivered task)', () => {
    const index = new NearDuplicateIndex();
    index.add(sig(base), 'run:problem:0');
    expect(index.nearest(sig(base), 0.85, 'run:problem:0')).toBeUndefined();
    expect(index.nearest(sig(base), 0.85, 'run:problem:1')).toEqual({ recordId: 'run:problem:0', similarity: 1 });
  });

  it('adds a record id once', () => {
    const index = new NearDuplicateIndex();
    index.add(sig(base), 'run:problem:0');
    index.add(sig(base), 'run:problem:0');
    expect(index.size).toBe(1);
  });
});
