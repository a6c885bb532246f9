import { describe, expect, it } from 'vitest';
import { decodeEmbedding, encodeEmbedding, quantize, quantizedCosine } from './embedding-codec.js';
import { EmbeddingIndex } from './embedding-index.js';

const DIMS = 768;

/** A deterministic pseudo-random generator for the test's vectors. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function unit(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

function randomUnit(next: () => number): number[] {
  return unit(Array.from({ length: DIMS }, () => gaussian(next)));
}

/** A unit vector at exactly cosine `c` from `base`. */
function atCosine(base: number[], c: number, next: () => number): number[] {
  const noise = randomUnit(next);
  const along = noise.reduce((s, x, i) => s + x * (base[i] as number), 0);
  const orthogonal = unit(noise.map((x, i) => x - along * (base[i] as number)));
  return base.map((x, i) => c * x + Math.sqrt(1 - c * c) * (orthogonal[i] as number));
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * (b[i] as number), 0);
}

describe('embedding codec', () => {
  it('keeps the cosine of unit vectors within 0.001 and survives base64', () => {
    const next = rng(1);
    for (let i = 0; i < 50; i++) {
      const a = randomUnit(next);
      const b = atCosine(a, 0.97 + 0.0005 * i, next);
      const stored = decodeEmbedding(encodeEmbedding('m', quantize(b)));
      expect(Math.abs(quantizedCosine(quantize(a).q, stored.q) - cosine(a, b))).toBeLessThan(0.001);
    }
  });
});

describe('EmbeddingIndex', () => {
  it('finds every neighbour at cosine ≥ 0.975 among thousands of unrelated vectors, and no unrelated one', () => {
    const next = rng(7);
    const index = new EmbeddingIndex(DIMS);
    const bases = Array.from({ length: 2_000 }, () => randomUnit(next));
    bases.forEach((v, i) => index.add(quantize(v), `p:${i}`));
    let found = 0;
    const twins = 400;
    for (let i = 0; i < twins; i++) {
      const twin = atCosine(bases[i] as number[], 0.976 + (0.02 * i) / twins, next);
      const match = index.nearest(quantize(twin), 0.975);
      if (match?.recordId === `p:${i}`) found++;
    }
    // Recall at Magpie's threshold is 1 − (1 − 0.929^16)^24 ≈ 0.9998 per pair.
    expect(found).toBe(twins);
    for (let i = 0; i < 200; i++) expect(index.nearest(quantize(randomUnit(next)), 0.975)).toBeUndefined();
  });

  it('reports the cosine, skips the record itself and refuses another dimension', () => {
    const next = rng(3);
    const index = new EmbeddingIndex(DIMS);
    const a = randomUnit(next);
    index.add(quantize(a), 'p:0');
    const match = index.nearest(quantize(atCosine(a, 0.99, next)), 0.975);
    expect(match?.similarity).toBeCloseTo(0.99, 2);
    expect(index.nearest(quantize(a), 0.975, 'p:0')).toBeUndefined();
    expect(() => index.add(quantize([1, 0, 0]), 'p:1')).toThrow(RangeError);
  });
});
