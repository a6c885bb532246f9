import { loadCatalog, DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { ProblemRegistry } from './problem-registry.js';

const registry = new ProblemRegistry();
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const SAMPLES_PER_FAMILY = 400;

describe('problem families', () => {
  it('cover every domain and subtopic of configs/domains.json', () => {
    for (const domain of catalog.domains.all()) {
      for (const subtopic of domain.subtopics) {
        const families = registry.families.filter((f) => f.domain === domain.name && f.subtopic === subtopic.name);
        expect(families.length, `${domain.name}/${subtopic.name}`).toBeGreaterThan(0);
      }
    }
  });

  it.each(registry.families.map((f) => [f.name, f] as const))('%s: solve(generate().text) gives the same answer', (_name, family) => {
    for (let seed = 0; seed < SAMPLES_PER_FAMILY; seed++) {
      const problem = family.generate(new Rng(seed));
      const solved = family.solve(problem.text);
      expect(solved?.answer, problem.text).toBe(problem.answer);
      expect(problem.steps.length).toBeGreaterThan(0);
      expect(problem.answer).toMatch(/^-?\d+(?:\/\d+)?$/);
    }
  });

  it('every generated problem is recognised by the right family through the registry', () => {
    const rng = new Rng(99);
    for (const family of registry.families) {
      for (let i = 0; i < 100; i++) {
        const problem = family.generate(rng);
        const solved = registry.solve(problem.text);
        expect(solved?.family, problem.text).toBe(family.name);
        expect(solved?.answer).toBe(problem.answer);
      }
    }
  });

  it.each([
    ['Solve for x: 3x + 7 = 22.', '5'],
    ['Find the derivative of f(x) = 4x^3 - 2x + 5 at x = 2.', '46'],
    ['What is the remainder when 7^100 is divided by 13?', '9'],
    ['How many positive divisors does 360 have?', '24'],
    ['What is the sum of the roots of x^2 - 5x + 6 = 0?', '5'],
    ['Find the limit of (x^2 - 9)/(x - 3) as x approaches 3.', '6'],
    ['Find the mean of the data set 1, 2, 3 and 5.', '11/4'],
    ['How many edges does the complete graph on 10 vertices have?', '45'],
    ['Compute the binomial coefficient C(10, 3).', '120'],
    ['A sequence satisfies a_1 = 1, a_2 = 1 and a_n = a_{n-1} + a_{n-2} for n ≥ 3. Find a_10.', '55'],
    ['What is the smallest number of people needed to guarantee that at least 3 of them were born in the same month of the year?', '25'],
  ])('solves the hand-written problem %j', (text, answer) => {
    expect(registry.solve(text)?.answer).toBe(answer);
  });

  it.each(['Write a poem about autumn.', 'What is the capital of France?', 'Solve for x: x^2 = 2^x.'])('does not claim %j', (text) => {
    expect(registry.solve(text)).toBeUndefined();
  });

  it('repeats fewer than 1% of 10,000 problems drawn like the simulator draws them', () => {
    const rng = new Rng(20240601);
    const subtopics = catalog.domains.all().flatMap((d) => d.subtopics.map((s) => [d.name, s.name] as const));
    const seen = new Set<string>();
    const total = 10_000;
    for (let i = 0; i < total; i++) {
      const [domain, subtopic] = rng.pick(subtopics);
      seen.add(registry.generate(rng, domain, subtopic).text);
    }
    const rate = (total - seen.size) / total;
    console.log(`duplicate rate over ${total} generated problems: ${(rate * 100).toFixed(2)}%`);
    expect(rate).toBeLessThan(0.01);
  });
});
