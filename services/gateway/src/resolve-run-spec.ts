import type { GenerationFilterOverrides, SamplingParams, StageOverrides, StartRunRequest } from '@magpie/api';
import type { Catalog, ModelEntry } from '@magpie/catalog';
import { PairRule, type GenerationFilters, type RunSpec, type SamplingSettings } from '@magpie/contracts';
import { InvalidArgumentError } from './errors.js';

export interface ResolveLimits {
  readonly maxRunCount: number;
  /** Seed used when the request sets none. */
  readonly randomSeed: () => number;
}

const MAX_NAME = 256;

function requireKnownModel(field: string, id: string, catalog: Catalog): ModelEntry {
  if (id.length > MAX_NAME) throw new InvalidArgumentError(field, `longer than ${MAX_NAME} characters`);
  if (!catalog.models.has(id)) throw new InvalidArgumentError(field, `unknown model "${id}"; known models: ${catalog.models.ids.join(', ')}`);
  return catalog.models.get(id);
}

function resolveSampling(field: string, overrides: SamplingParams | null | undefined, defaults: SamplingSettings): SamplingSettings {
  const out = { ...defaults };
  if (overrides?.temperature !== undefined) {
    if (!(overrides.temperature >= 0 && overrides.temperature <= 5)) throw new InvalidArgumentError(`${field}.temperature`, 'must be between 0 and 5');
    out.temperature = overrides.temperature;
  }
  if (overrides?.top_p !== undefined) {
    if (!(overrides.top_p > 0 && overrides.top_p <= 1)) throw new InvalidArgumentError(`${field}.top_p`, 'must be in (0, 1]');
    out.topP = overrides.top_p;
  }
  if (overrides?.max_tokens !== undefined) {
    if (!(overrides.max_tokens >= 1 && overrides.max_tokens <= 262_144)) throw new InvalidArgumentError(`${field}.max_tokens`, 'must be between 1 and 262144');
    out.maxTokens = overrides.max_tokens;
  }
  return out;
}

/** Filter defaults: Magpie keeps every non-empty instruction; we drop what no one wants to train on. */
export const DEFAULT_FILTERS: GenerationFilters = {
  minChars: 10,
  maxChars: 4_000,
  nearDuplicateThreshold: 0.85,
  sanitize: false,
  requireMath: true,
};

function resolveFilters(overrides: GenerationFilterOverrides | null): GenerationFilters {
  const out = { ...DEFAULT_FILTERS };
  if (overrides?.min_chars !== undefined) {
    if (!(overrides.min_chars >= 1 && overrides.min_chars <= 100_000)) throw new InvalidArgumentError('filters.min_chars', 'must be between 1 and 100000');
    out.minChars = overrides.min_chars;
  }
  if (overrides?.max_chars !== undefined) {
    if (!(overrides.max_chars >= 1 && overrides.max_chars <= 100_000)) throw new InvalidArgumentError('filters.max_chars', 'must be between 1 and 100000');
    out.maxChars = overrides.max_chars;
  }
  if (out.minChars > out.maxChars) throw new InvalidArgumentError('filters.min_chars', 'must not exceed filters.max_chars');
  if (overrides?.near_duplicate_threshold !== undefined) {
    const t = overrides.near_duplicate_threshold;
    if (!(t > 0 && t <= 1)) throw new InvalidArgumentError('filters.near_duplicate_threshold', 'must be in (0, 1]');
    out.nearDuplicateThreshold = t;
  }
  if (overrides?.sanitize !== undefined) out.sanitize = overrides.sanitize;
  if (overrides?.require_math !== undefined) out.requireMath = overrides.require_math;
  return out;
}

function stageModel(field: string, overrides: StageOverrides | null, runModel: ModelEntry, catalog: Catalog): ModelEntry {
  return overrides?.model ? requireKnownModel(`${field}.model`, overrides.model, catalog) : runModel;
}

/**
 * Validates a StartRun request against the catalog and limits and fills every default, so stages
 * never guess. Throws InvalidArgumentError naming the first offending field.
 */
export function resolveRunSpec(req: StartRunRequest, catalog: Catalog, limits: ResolveLimits): RunSpec {
  if (!req.domain) throw new InvalidArgumentError('domain', `required; known domains: ${catalog.domains.names.join(', ')}`);
  if (req.domain.length > MAX_NAME || !catalog.domains.has(req.domain)) {
    throw new InvalidArgumentError('domain', `unknown domain "${req.domain.slice(0, MAX_NAME)}"; known domains: ${catalog.domains.names.join(', ')}`);
  }
  const domain = catalog.domains.get(req.domain);
  if (!Number.isInteger(req.count) || req.count < 1) throw new InvalidArgumentError('count', 'must be at least 1');
  if (req.count > limits.maxRunCount) throw new InvalidArgumentError('count', `must be at most ${limits.maxRunCount}`);
  const runModel = requireKnownModel('model', req.model || (catalog.models.ids[0] as string), catalog);

  const known = new Set(domain.subtopics.map((s) => s.name));
  req.subtopics.forEach((s, i) => {
    if (!known.has(s)) throw new InvalidArgumentError(`subtopics[${i}]`, `unknown subtopic "${s.slice(0, MAX_NAME)}" for ${domain.name}; known: ${[...known].join(', ')}`);
  });

  const samplesPerProblem = req.samples_per_problem ?? 5;
  if (!(samplesPerProblem >= 2 && samplesPerProblem <= 16)) throw new InvalidArgumentError('samples_per_problem', 'must be between 2 and 16');

  const rewardModel = req.reward_model || catalog.models.defaultRewardModel;
  if (!catalog.models.hasReward(rewardModel)) {
    throw new InvalidArgumentError('reward_model', `unknown reward model "${rewardModel.slice(0, MAX_NAME)}"; known: ${catalog.models.rewardIds.join(', ')}`);
  }

  if (req.seed !== undefined && !(req.seed >= 0 && req.seed <= 2 ** 31 - 1)) throw new InvalidArgumentError('seed', 'must be between 0 and 2147483647');
  if (req.client_request_id.length > 128) throw new InvalidArgumentError('client_request_id', 'longer than 128 characters');

  const pairRule = PairRule.safeParse(req.pair_rule || 'majority');
  if (!pairRule.success) throw new InvalidArgumentError('pair_rule', `must be one of ${PairRule.options.join(', ')}`);
  const minRewardMargin = req.min_reward_margin ?? 0;
  if (!(Number.isFinite(minRewardMargin) && minRewardMargin >= 0)) throw new InvalidArgumentError('min_reward_margin', 'must be a finite number ≥ 0');
  const filters = resolveFilters(req.filters);

  const generatorModel = stageModel('generator', req.generator, runModel, catalog);
  const solverModel = stageModel('solver', req.solver, runModel, catalog);
  const samplerModel = stageModel('sampler', req.sampler, runModel, catalog);
  // The seed fork tunes instruction temperature per domain; model defaults supply the rest.
  const instructionDefaults = { ...generatorModel.defaults.instruction, temperature: domain.instructionTemperature };

  return {
    domain: domain.name,
    subtopics: [...req.subtopics],
    count: req.count,
    generator: { model: generatorModel.id, sampling: resolveSampling('generator.sampling', req.generator?.sampling, instructionDefaults) },
    solver: { model: solverModel.id, sampling: resolveSampling('solver.sampling', req.solver?.sampling, solverModel.defaults.response) },
    sampler: {
      model: samplerModel.id,
      sampling: resolveSampling('sampler.sampling', req.sampler?.sampling, samplerModel.defaults.samples),
      samplesPerProblem,
    },
    reward: { model: rewardModel, pairRule: pairRule.data, minRewardMargin },
    filters,
    seed: req.seed ?? limits.randomSeed(),
  };
}
