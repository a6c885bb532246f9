import type { DomainCatalog } from '@magpie/catalog';
import type { TaskTag } from '@magpie/unitag';
import type { Difficulty, KnownProblem } from '../families/family-types.js';
import type { RealisticRegistry } from '../families/realistic-registry.js';
import type { Rng } from '../rng.js';
import { driftDomain, type SteeredTopic } from './loose-steering.js';
import { incompleteText, nonMathText } from './off-task-prompts.js';
import { withFormatHint, withLeadIn, withLeakedAnswer, withTrailingColon } from './problem-decorations.js';
import { mixProbabilities, type RealismSettings } from './realism-settings.js';

/** One Magpie instruction the realistic model wrote, with what the simulator knows about it. */
export type WrittenInstruction =
  | { readonly kind: 'math'; readonly text: string; readonly problem: KnownProblem; readonly offDomain: boolean; readonly defect: 'none' | 'trailing_colon' | 'answer_leak' }
  | { readonly kind: 'non_math'; readonly text: string; readonly category: TaskTag }
  | { readonly kind: 'incomplete'; readonly text: string };

export interface MagpieProblemInput {
  readonly registry: RealisticRegistry;
  readonly domains: DomainCatalog;
  readonly topic: SteeredTopic;
  readonly settings: RealismSettings;
  readonly rng: Rng;
}

function drawDifficulty(settings: RealismSettings, rng: Rng): Difficulty {
  let u = rng.next();
  for (const [level, p] of mixProbabilities(settings)) {
    u -= p;
    if (u < 0) return level;
  }
  return 5;
}

/**
 * What a real model writes after a Magpie pre-query template steered to `topic`: usually a problem
 * of the topic at a difficulty drawn from the mix, sometimes one from a neighbouring domain, and at
 * the configured rates a non-mathematical request, an instruction ending in ':' (half of them with
 * no problem at all) or a problem followed by its own answer.
 */
export function writeMagpieInstruction(input: MagpieProblemInput): WrittenInstruction {
  const { settings, rng, topic } = input;
  const u = rng.next();
  if (u < settings.nonMathRate) {
    const { text, category } = nonMathText(rng);
    return { kind: 'non_math', text, category };
  }
  const colon = u < settings.nonMathRate + settings.colonRate;
  if (colon && rng.chance(0.5)) return { kind: 'incomplete', text: incompleteText(topic.domain, rng) };
  const leak = !colon && u < settings.nonMathRate + settings.colonRate + settings.leakRate;
  const offDomain = rng.chance(settings.offDomainRate);
  const domain = offDomain ? driftDomain(topic.domain, input.domains, rng) : topic.domain;
  const { text, problem } = input.registry.generate(rng, drawDifficulty(settings, rng), domain, offDomain ? undefined : topic.subtopic);
  const opened = withLeadIn(withFormatHint(text, problem.truth.answer.kind, rng), rng);
  if (colon) return { kind: 'math', text: withTrailingColon(opened, rng), problem, offDomain, defect: 'trailing_colon' };
  if (leak) return { kind: 'math', text: withLeakedAnswer(opened, problem.truth, rng), problem, offDomain, defect: 'answer_leak' };
  return { kind: 'math', text: opened, problem, offDomain, defect: 'none' };
}
