import type { Catalog } from '@magpie/catalog';
import type { ContentModel, Scored } from '../content-model.js';
import type { RealisticRegistry } from '../families/realistic-registry.js';
import type { AnswerJudge } from './answer-judge.js';
import { writeRealisticAnswer } from './answer-writer.js';
import { steerTopic } from './loose-steering.js';
import { writeMagpieInstruction } from './magpie-problem-writer.js';
import { modelProfile, type ModelProfile } from './model-profiles.js';
import { recogniseOffTask } from './off-task-prompts.js';
import type { TruthService } from './problem-truth.js';
import type { RealismSettings } from './realism-settings.js';
import { RewardModel } from './reward-model.js';
import { ThinkingLength } from './thinking-length.js';

export interface RealisticContentOptions {
  readonly catalog: Catalog;
  readonly registry: RealisticRegistry;
  readonly truth: TruthService;
  readonly settings: RealismSettings;
  readonly seed: number;
  /** Shared with /sim/truth, so both give the same verdicts. */
  readonly judge: AnswerJudge;
}

/**
 * The `realistic` profile: loose steering with off-domain and defective instructions, answers whose
 * correctness depends on the model, the problem and the temperature, heavy-tailed thinking, and an
 * imperfect reward model with a configurable AUROC.
 */
export class RealisticContent implements ContentModel {
  readonly #o: RealisticContentOptions;
  readonly #thinking: ThinkingLength;
  readonly #reward: RewardModel;
  readonly #profiles = new Map<string, ModelProfile>();

  constructor(o: RealisticContentOptions) {
    this.#o = o;
    this.#thinking = new ThinkingLength(o.settings);
    this.#reward = new RewardModel(o.settings, o.seed);
  }


  get thinking(): ThinkingLength {
    return this.#thinking;
  }

  get rewardModel(): RewardModel {
    return this.#reward;
  }

  profileOf(modelId: string, reasoning: boolean): ModelProfile {
    const cached = this.#profiles.get(modelId);
    if (cached) return cached;
    const profile = modelProfile(modelId, reasoning);
    this.#profiles.set(modelId, profile);
    return profile;
  }

  magpieInstruction(input: Parameters<ContentModel['magpieInstruction']>[0]): string {
    const topic = steerTopic(input.system, this.#o.catalog.domains, input.rng);
    return writeMagpieInstruction({ registry: this.#o.registry, domains: this.#o.catalog.domains, topic, settings: this.#o.settings, rng: input.rng }).text;
  }

  answer(input: Parameters<ContentModel['answer']>[0]): string {
    const truth = this.#o.truth.truth(input.question);
    return writeRealisticAnswer({
      question: input.question,
      known: truth.known,
      offTask: truth.known ? undefined : recogniseOffTask(input.question),
      modelId: input.model.id,
      ability: this.profileOf(input.model.id, input.model.reasoning).ability,
      reasoning: input.model.reasoning,
      temperature: input.temperature,
      maxTokens: input.maxTokens,
      settings: this.#o.settings,
      thinking: this.#thinking,
      rng: input.rng,
      judge: this.#o.judge,
    }).text;
  }

  knows(text: string): boolean {
    return this.#o.truth.truth(text).kind === 'math';
  }

  rawReward(scored: Scored): number {
    const truth = this.#o.truth.truth(scored.problem);
    const correct = truth.answer === null ? undefined : this.#o.judge.judge(truth.answer, scored.response).correct;
    return this.#reward.score({ correct, response: scored.response, text: scored.text });
  }
}
