import type { z } from 'zod';
import { InvalidArgumentError } from './errors.js';

/** RunSpec paths whose request field is named differently (the rest are the same words in snake_case). */
const REQUEST_FIELD: Readonly<Record<string, string>> = {
  'sampler.samplesPerProblem': 'samples_per_problem',
  'reward.model': 'reward_model',
  'reward.pairRule': 'pair_rule',
  'reward.minRewardMargin': 'min_reward_margin',
  dataset: 'data_quality.dataset',
  'dedup.maskValues': 'data_quality.mask_values',
  'dedup.embeddingModel': 'data_quality.embedding_model',
  'dedup.embeddingThreshold': 'data_quality.embedding_threshold',
  'decontamination.mode': 'data_quality.decontamination',
  'decontamination.ngram': 'data_quality.decontamination_ngram',
  'tags.enabled': 'data_quality.tags',
  'tags.model': 'data_quality.tagger_model',
  'tags.minQuality': 'data_quality.min_quality',
  'tags.minDifficulty': 'data_quality.min_difficulty',
  'tags.minReward': 'data_quality.min_reward',
  'quality.adaptiveSampling.initialSamples': 'quality.adaptive_initial_samples',
  'quality.adaptiveSampling.maxSamples': 'quality.adaptive_max_samples',
};

const snakeCase = (word: string): string => word.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The StartRun request field, as users see it in the proto, that a RunSpec path comes from: `solver.sampling.top_p`, `subtopics[1]`. */
export function requestFieldOf(path: readonly PropertyKey[]): string {
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  const named = REQUEST_FIELD[dotted];
  if (named) return named;
  return path.reduce<string>((field, part) => {
    if (typeof part === 'number') return `${field}[${part}]`;
    const word = snakeCase(String(part));
    return field ? `${field}.${word}` : word;
  }, '');
}

/** A zod issue in the platform's message style: `must be at least 1`, `must be one of correctness, magpie`. */
export function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return `shorter than ${String(issue.minimum)} characters`;
    if (issue.origin === 'array') return `fewer than ${String(issue.minimum)} entries`;
    return issue.inclusive === false ? `must be greater than ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return `longer than ${String(issue.maximum)} characters`;
    if (issue.origin === 'array') return `more than ${String(issue.maximum)} entries`;
    return issue.inclusive === false ? `must be less than ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'must be a whole number' : `must be a finite ${issue.expected}`;
  // Refinements carry their message in this style already.
  return issue.message;
}

/** The INVALID_ARGUMENT a RunSpec validation issue means, naming the request field. */
export function invalidArgumentOf(issue: z.core.$ZodIssue): InvalidArgumentError {
  return new InvalidArgumentError(requestFieldOf(issue.path), messageOf(issue));
}
