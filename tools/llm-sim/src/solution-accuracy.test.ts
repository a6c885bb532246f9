import { answersEqual, extractFinalAnswer } from '@magpie/answers';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { ProblemRegistry } from './problems/problem-registry.js';
import { Rng } from './rng.js';
import { writeSolution } from './solution-writer.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const registry = new ProblemRegistry();

describe('content checked by our answer checker', () => {
  // About a second each on an idle machine; a loaded one needs far longer than vitest's 5 s default.
  it.each([0.8, 0.5])('one solution per problem for 10,000 problems is right at SIM_ACCURACY=%s ± 0.02', { timeout: 60_000 }, (accuracy) => {
    const rng = new Rng(4242);
    const subtopics = catalog.domains.all().flatMap((d) => d.subtopics.map((s) => [d.name, s.name] as const));
    const total = 10_000;
    let correct = 0;
    for (let i = 0; i < total; i++) {
      const [domain, subtopic] = rng.pick(subtopics);
      const problem = registry.generate(rng, domain, subtopic);
      // The solver side sees only the text, like a replica that did not generate the problem.
      const written = writeSolution({ solution: registry.solve(problem.text), rng, accuracy });
      const answer = extractFinalAnswer(written.content);
      if (answer !== undefined && answersEqual(answer, problem.answer)) correct++;
    }
    const rate = correct / total;
    console.log(`measured accuracy over ${total} generated problems at SIM_ACCURACY=${accuracy}: ${rate.toFixed(4)}`);
    expect(Math.abs(rate - accuracy)).toBeLessThanOrEqual(0.02);
  });
});
