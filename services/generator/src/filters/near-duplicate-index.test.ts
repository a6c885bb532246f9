import { describe, expect, it } from 'vitest';
import { estimateJaccard, minHashSignature, shingles } from './min-hash.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';

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

  it('flags exact duplicates after normalisation, naming the earlier twin', () => {
    const index = new NearDuplicateIndex(0.85);
    index.add(base, 'run:problem:0');
    expect(index.check(`  ${base.toUpperCase()} `, 'run:problem:1')).toEqual({ duplicate: true, kind: 'exact', twinRecordId: 'run:problem:0', similarity: 1 });
  });

  it('flags near duplicates above the threshold and not below', () => {
    const index = new NearDuplicateIndex(0.6);
    index.add(base, 'run:problem:0');
    const near = index.check(base.replace('computation', 'calculation'), 'run:problem:1');
    expect(near).toMatchObject({ duplicate: true, kind: 'near', twinRecordId: 'run:problem:0' });
    expect(index.check('A bag holds 4 red and 6 blue marbles. Two are drawn without replacement; find the probability both are red.', 'run:problem:2')).toEqual({ duplicate: false });
  });

  it('never flags a record as a duplicate of itself (a redelivered task)', () => {
    const index = new NearDuplicateIndex(0.85);
    index.add(base, 'run:problem:0');
    expect(index.check(base, 'run:problem:0')).toEqual({ duplicate: false });
  });

  it('with threshold 1 catches only exact duplicates', () => {
    const index = new NearDuplicateIndex(1);
    index.add(base, 'run:problem:0');
    expect(index.check(base.replace('4', '5'), 'run:problem:1')).toEqual({ duplicate: false });
  });
});
