import type { Rng } from '../rng.js';

/** Primitive Pythagorean triples (a, b, c) with c < 100. */
export const TRIPLES = [
  [3, 4, 5], [5, 12, 13], [8, 15, 17], [7, 24, 25], [20, 21, 29], [9, 40, 41], [12, 35, 37], [11, 60, 61],
  [28, 45, 53], [33, 56, 65], [16, 63, 65], [48, 55, 73], [13, 84, 85], [36, 77, 85], [39, 80, 89], [65, 72, 97],
] as const;

/** A scaled triple (k = 1..20) with its legs in random order: [leg, leg, hypotenuse]. */
export function triple(rng: Rng): [number, number, number] {
  const [a, b, c] = rng.pick(TRIPLES);
  const k = rng.int(1, 20);
  return rng.chance(0.5) ? [a * k, b * k, c * k] : [b * k, a * k, c * k];
}
