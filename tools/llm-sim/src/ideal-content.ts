import { answersEqual, createAnswerChecker, extractFinalAnswer } from '@magpie/answers';
import type { Catalog } from '@magpie/catalog';
import { deriveSeed } from '@magpie/llm';
import type { ContentModel, Scored } from './content-model.js';
import { exactTopic } from './magpie-prompt.js';
import type { ProblemRegistry } from './problems/problem-registry.js';
import { Rng } from './rng.js';
import { solutionWithThinking } from './solution-text.js';

/** Raw reward around which a correct answer scores; a wrong one scores around WRONG_REWARD. */
export const CORRECT_REWARD = 2;
export const WRONG_REWARD = -1;
export const REWARD_NOISE_SD = 0.75;

/**
 * The `ideal` profile: the plumbing double. Problems are exactly on the steered topic, every
 * sample is right with one fixed probability whatever the model or the problem, and the reward is
 * an oracle (about +2 for right, -1 for wrong, plus noise).
 */
export class IdealContent implements ContentModel {
  readonly #catalog: Catalog;
  readonly #registry: ProblemRegistry;
  readonly #seed: number;
  readonly #accuracy: number;
  readonly #checker = createAnswerChecker();

  constructor(o: { catalog: Catalog; registry: ProblemRegistry; seed: number; accuracy: number }) {
    this.#catalog = o.catalog;
    this.#registry = o.registry;
    this.#seed = o.seed;
    this.#accuracy = o.accuracy;
  }

  magpieInstruction(input: Parameters<ContentModel['magpieInstruction']>[0]): string {
    const topic = exactTopic(input.system, this.#catalog.domains, input.rng);
    return this.#registry.generate(input.rng, topic.domain, topic.subtopic).text;
  }

  answer(input: Parameters<ContentModel['answer']>[0]): string {
    return solutionWithThinking({ solution: this.#registry.solve(input.question), rng: input.rng, accuracy: this.#accuracy, thinking: input.model.reasoning });
  }

  knows(text: string): boolean {
    return this.#registry.solve(text) !== undefined;
  }

  rawReward(scored: Scored): number {
    const solution = this.#registry.solve(scored.problem);
    const answer = extractFinalAnswer(scored.response);
    const base = !solution || answer === undefined ? 0 : answersEqual(answer, solution.answer, this.#checker) ? CORRECT_REWARD : WRONG_REWARD;
    return base + new Rng(deriveSeed(this.#seed, 'classify', scored.text)).normal() * REWARD_NOISE_SD;
  }
}
