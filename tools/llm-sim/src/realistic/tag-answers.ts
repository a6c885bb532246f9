import { DIFFICULTY_LEVELS, QUALITY_LEVELS, type ClassificationTag, type DifficultyTag, type QualityTag, type TaskTag, type UnitagMission } from '@magpie/unitag';
import type { Rng } from '../rng.js';
import type { ProblemTruth } from './problem-truth.js';

const EXPLANATIONS: Readonly<Record<(typeof QUALITY_LEVELS)[number], string>> = {
  'very poor': 'The query is incomplete: it announces a problem but does not state it, so it cannot be answered.',
  poor: 'The query is unclear and lacks important details; it would need significant clarification.',
  average: 'The query is understandable but not fully well-formed, for example it already contains an answer or trails off.',
  good: 'The query is clear and specific, with all the information needed to answer it.',
  excellent: 'The query is very clear, specific and well-articulated, with all necessary context for a complete answer.',
};

/** One level up or down with probability `noise` (clamped to the scale). */
function jitter(index: number, size: number, noise: number, rng: Rng): number {
  if (!rng.chance(noise)) return index;
  return Math.max(0, Math.min(size - 1, index + (rng.chance(0.5) ? 1 : -1)));
}

function difficultyTag(truth: ProblemTruth, noise: number, rng: Rng): DifficultyTag {
  if (truth.kind !== 'math' || truth.difficulty === null) {
    return { intent: 'The user wants to get help with a general request', knowledge: 'To solve this problem, the models need to know general world knowledge', difficulty: truth.kind === 'non_math' ? 'easy' : 'medium' };
  }
  const level = DIFFICULTY_LEVELS[jitter(truth.difficulty - 1, DIFFICULTY_LEVELS.length, noise, rng)] ?? 'medium';
  return { intent: `The user wants to ${truth.intent ?? 'solve a math problem'}`, knowledge: `To solve this problem, the models need to know ${truth.knowledge ?? 'the relevant mathematics'}`, difficulty: level };
}

function qualityTag(truth: ProblemTruth, noise: number, rng: Rng): QualityTag {
  let index: number;
  if (truth.kind === 'incomplete') index = 0;
  else if (truth.kind === 'unknown') index = 2;
  else if (truth.kind === 'non_math') index = rng.chance(0.5) ? 3 : 2;
  else if (truth.defects.length > 0) index = truth.defects.includes('trailing_colon') ? 1 : 2;
  else index = rng.chance(0.4) ? 4 : 3;
  const level = QUALITY_LEVELS[jitter(index, QUALITY_LEVELS.length, noise, rng)] ?? 'average';
  return { explanation: EXPLANATIONS[level], input_quality: level };
}

function classificationTag(truth: ProblemTruth, noise: number, rng: Rng): ClassificationTag {
  if (truth.kind === 'non_math') return { primary_tag: truth.category ?? 'Others', other_tags: [] };
  if (truth.kind === 'unknown') return { primary_tag: rng.chance(0.5) ? 'Others' : 'Information seeking', other_tags: [] };
  if (rng.chance(noise / 2)) return { primary_tag: 'Reasoning', other_tags: ['Math'] };
  const others: TaskTag[] = truth.domain === 'statistics' && rng.chance(0.5) ? ['Data analysis'] : (truth.difficulty ?? 1) >= 3 ? ['Reasoning'] : [];
  return { primary_tag: 'Math', other_tags: others };
}

/**
 * The JSON a tagging model answers to one of Magpie's unitag prompts about a query: noisy, but
 * correlated with what the simulator knows (difficulty from the latent level, quality from the
 * defects, category from the kind). Written as a model writes it; `prefilled` drops the opening
 * brace that the prompt's assistant prefill already supplied.
 */
export function tagAnswer(mission: UnitagMission, truth: ProblemTruth, options: { noise: number; rng: Rng; prefilled: boolean }): string {
  const { noise, rng, prefilled } = options;
  const tag = mission === 'difficulty' ? difficultyTag(truth, noise, rng) : mission === 'quality' ? qualityTag(truth, noise, rng) : classificationTag(truth, noise, rng);
  const json = JSON.stringify(tag, null, 4);
  return prefilled ? json.slice(1) : json;
}
