import type { GenerationFilterOverrides, SamplingParams, StageOverrides, StartRunRequest } from '@magpie/api';
import type { Catalog, ModelEntry } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, RunSpec, type GenerationFilters, type SamplingSettings } from '@magpie/contracts';
import { InvalidArgumentError } from './errors.js';
import { resolveDataQuality } from './resolve-data-quality.js';
import { invalidArgumentOf } from './run-spec-issue.js';

export interface ResolveLimits {
  readonly maxRunCount: number;
  /** Seed used when the request sets none. */
  readonly randomSeed: () => number;
}

/** How much of a name a message echoes back. */
const ECHO = 256;

function requireKnownModel(field: string, id: string, catalog: Catalog): ModelEntry {
  if (!catalog.models.has(id)) throw new InvalidArgumentError(field, `unknown model "${id.slice(0, ECHO)}"; known models: ${catalog.models.ids.join(', ')}`);
  return catalog.models.get(id);
}

function stageModel(field: string, overrides: StageOverrides | null, runModel: ModelEntry, catalog: Catalog): ModelEntry {
  return overrides?.model ? requireKnownModel(`${field}.model`, overrides.model, catalog) : runModel;
}

/** The request's sampling overrides over the defaults; bounds are RunSpec's to check. */
function sampling(overrides: SamplingParams | null | undefined, defaults: SamplingSettings): SamplingSettings {
  return {
    temperature: overrides?.temperature ?? defaults.temperature,
    topP: overrides?.top_p ?? defaults.topP,
    maxTokens: overrides?.max_tokens ?? defaults.maxTokens,
  };
}

function filters(overrides: GenerationFilterOverrides | null): GenerationFilters {
  const d = RUN_SPEC_DEFAULTS.filters;
  return {
    minChars: overrides?.min_chars ?? d.minChars,
    maxChars: overrides?.max_chars ?? d.maxChars,
    nearDuplicateThreshold: overrides?.near_duplicate_threshold ?? d.nearDuplicateThreshold,
    sanitize: overrides?.sanitize ?? d.sanitize,
    requireMath: overrides?.require_math ?? d.requireMath,
  };
}

/**
 * Resolves a StartRun request into the run's full spec, so stages never guess: the catalog
 * supplies models, their sampling defaults and the domain's instruction temperature, the contracts
 * the rest of the defaults; then RunSpec's own schema checks every bound. Throws
 * InvalidArgumentError naming the first offending request field (`count: must be at least 1`).
 */
export function resolveRunSpec(req: StartRunRequest, catalog: Catalog, limits: ResolveLimits): RunSpec {
  if (!req.domain) throw new InvalidArgumentError('domain', `required; known domains: ${catalog.domains.names.join(', ')}`);
  if (!catalog.domains.has(req.domain)) {
    throw new InvalidArgumentError('domain', `unknown domain "${req.domain.slice(0, ECHO)}"; known domains: ${catalog.domains.names.join(', ')}`);
  }
  const domain = catalog.domains.get(req.domain);
  const runModel = requireKnownModel('model', req.model || (catalog.models.ids[0] as string), catalog);
  const known = new Set(domain.subtopics.map((s) => s.name));
  req.subtopics.forEach((s, i) => {
    if (!known.has(s)) throw new InvalidArgumentError(`subtopics[${i}]`, `unknown subtopic "${s.slice(0, ECHO)}" for ${domain.name}; known: ${[...known].join(', ')}`);
  });
  const rewardModel = req.reward_model || catalog.models.defaultRewardModel;
  if (!catalog.models.hasReward(rewardModel)) {
    throw new InvalidArgumentError('reward_model', `unknown reward model "${rewardModel.slice(0, ECHO)}"; known: ${catalog.models.rewardIds.join(', ')}`);
  }
  const generator = stageModel('generator', req.generator, runModel, catalog);
  const solver = stageModel('solver', req.solver, runModel, catalog);
  const sampler = stageModel('sampler', req.sampler, runModel, catalog);
  // The seed fork tunes instruction temperature per domain; model defaults supply the rest.
  const instructionDefaults = { ...generator.defaults.instruction, temperature: domain.instructionTemperature };

  const parsed = RunSpec.safeParse({
    domain: domain.name,
    subtopics: [...req.subtopics],
    count: req.count,
    generator: { model: generator.id, sampling: sampling(req.generator?.sampling, instructionDefaults) },
    solver: { model: solver.id, sampling: sampling(req.solver?.sampling, solver.defaults.response) },
    sampler: {
      model: sampler.id,
      sampling: sampling(req.sampler?.sampling, sampler.defaults.samples),
      samplesPerProblem: req.samples_per_problem ?? RUN_SPEC_DEFAULTS.samplesPerProblem,
    },
    reward: {
      model: rewardModel,
      pairRule: req.pair_rule || RUN_SPEC_DEFAULTS.pairRule,
      minRewardMargin: req.min_reward_margin ?? RUN_SPEC_DEFAULTS.minRewardMargin,
    },
    filters: filters(req.filters),
    seed: req.seed ?? limits.randomSeed(),
    ...resolveDataQuality(req.data_quality, catalog),
  });
  if (!parsed.success) throw invalidArgumentOf(parsed.error.issues[0] ?? { code: 'custom', path: [], message: parsed.error.message, input: undefined });
  const spec = parsed.data;
  if (spec.count > limits.maxRunCount) throw new InvalidArgumentError('count', `must be at most ${limits.maxRunCount}`);
  return spec;
}
