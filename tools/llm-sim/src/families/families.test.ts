import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { DIFFICULTIES, SLIP_KINDS, type KnownProblem } from './family-types.js';
import { RealisticRegistry } from './realistic-registry.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const registry = new RealisticRegistry();
const PER_LEVEL = 60;

/** A wrong derivation of `problem`, trying sites and kinds in turn; undefined when none changes the answer. */
function someWrongDerivation(problem: KnownProblem, seed: number): string | undefined {
  for (let t = 0; t < 12; t++) {
    try {
      const d = problem.derive({ phrasing: seed + t, path: seed + t, slip: { site: (seed + t) % problem.truth.sites, kind: SLIP_KINDS[t % SLIP_KINDS.length] ?? 'sign', magnitude: seed * 31 + t } });
      if (d.answer.latex !== problem.truth.answer.latex) return d.answer.latex;
    } catch {
      // this slip cannot apply here; try another
    }
  }
  return undefined;
}

describe('realistic problem families', () => {
  it.each(catalog.domains.names)('%s has at least 20 families, and every subtopic offers every difficulty', (domain) => {
    const families = registry.families.filter((f) => f.domain === domain);
    expect(families.length).toBeGreaterThanOrEqual(20);
    for (const subtopic of catalog.domains.get(domain).subtopics) {
      const offered = new Set(families.filter((f) => f.subtopic === subtopic.name).flatMap((f) => f.levels));
      expect([...offered].sort(), `${domain}/${subtopic.name}`).toEqual([...DIFFICULTIES]);
    }
  });

  it('gives every family a unique name', () => {
    expect(new Set(registry.families.map((f) => f.name)).size).toBe(registry.families.length);
  });

  it.each(registry.families.map((f) => [f.name, f] as const))('%s: generated problems are recognised with the same answer and difficulty, and can go wrong', (_name, family) => {
    for (const level of family.levels) {
      const rng = new Rng(level * 1009 + family.name.length);
      let wrong = 0;
      for (let i = 0; i < PER_LEVEL; i++) {
        const { text, problem } = family.generate(rng, level);
        expect(problem.difficulty, text).toBe(level);
        const known = registry.recognise(text);
        expect(known?.family, text).toBe(family.name);
        expect(known?.truth.answer.latex, text).toBe(problem.truth.answer.latex);
        expect(problem.truth.sites, text).toBeGreaterThan(0);
        // Other phrasings and other solution paths reach the same answer.
        const other = problem.derive({ phrasing: i + 1, path: i + 1 });
        expect(other.answer.latex, text).toBe(problem.truth.answer.latex);
        if (someWrongDerivation(problem, i) !== undefined) wrong++;
      }
      expect(wrong / PER_LEVEL, `${family.name} level ${level}: share of problems with a wrong derivation`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
