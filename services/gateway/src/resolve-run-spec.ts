import { pairRuleMapping, qualityOptionsFromProto, type GenerationFilterOverrides, type SamplingParams, type StageOverrides, type StartRunRequest } from '@magpie/api';
import type { Catalog, ModelEntry } from '@magpie/catalog';
import { MIXED_DOMAIN, PairRule, RUN_SPEC_DEFAULTS, RunSpec, type DomainShare, type GenerationFilters, type SamplingSettings } from '@magpie/contracts';
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

function requireKnownDomain(field: string, name: string, catalog: Catalog): void {
  if (!name) throw new InvalidArgumentError(field, `required; known domains: ${catalog.domains.names.join(', ')}`);
  if (!catalog.domains.has(name)) throw new InvalidArgumentError(field, `unknown domain "${name.slice(0, ECHO)}"; known domains: ${catalog.domains.names.join(', ')}`);
}

function requireKnownSubtopics(field: string, domainName: string, subtopics: readonly string[], catalog: Catalog): void {
  const domain = catalog.domains.get(domainName);
  const known = new Set(domain.subtopics.map((s) => s.name));
  subtopics.forEach((s, i) => {
    if (!known.has(s)) throw new InvalidArgumentError(`${field}[${i}]`, `unknown subtopic "${s.slice(0, ECHO)}" for ${domain.name}; known: ${[...known].join(', ')}`);
  });
}

/** Problems per share for weights: the largest-remainder split of `count`, then at least one each. */
function splitByWeight(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const counts = exact.map((x) => Math.floor(x));
  let left = count - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  // A tiny weight still gets a problem, taken from the largest share.
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] !== 0) continue;
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest] = (counts[largest] ?? 0) - 1;
    counts[i] = 1;
  }
  return counts;
}

/**
 * The resolved shares of a request's domain_mix, in request order with consecutive slots, and the
 * run's count. Every share names a known, distinct domain; either every share has a count (the
 * run's count, when set, must be their sum) or every share has a weight (the count is split).
 */
function resolveMix(req: StartRunRequest, catalog: Catalog, generatorTemperature: number | undefined): { shares: DomainShare[]; count: number } {
  if (req.domain) throw new InvalidArgumentError('domain', 'must be empty when domain_mix is set');
  if (req.subtopics.length > 0) throw new InvalidArgumentError('subtopics', 'must be empty when domain_mix is set (give each share its subtopics)');
  if (req.domain_mix.length < 2) throw new InvalidArgumentError('domain_mix', 'needs at least two domains (use domain for one)');
  if (req.domain_mix.length > 16) throw new InvalidArgumentError('domain_mix', 'more than 16 entries');
  const seen = new Set<string>();
  req.domain_mix.forEach((share, i) => {
    requireKnownDomain(`domain_mix[${i}].domain`, share.domain, catalog);
    if (seen.has(share.domain)) throw new InvalidArgumentError(`domain_mix[${i}].domain`, `repeats ${share.domain}`);
    seen.add(share.domain);
    requireKnownSubtopics(`domain_mix[${i}].subtopics`, share.domain, share.subtopics, catalog);
    if (!Number.isFinite(share.weight) || share.weight < 0) throw new InvalidArgumentError(`domain_mix[${i}].weight`, 'must be a finite number of at least 0');
  });
  const byCount = req.domain_mix.every((s) => s.count > 0 && s.weight === 0);
  const byWeight = req.domain_mix.every((s) => s.count === 0 && s.weight > 0);
  if (!byCount && !byWeight) throw new InvalidArgumentError('domain_mix', 'set count on every share or weight on every share, not both');
  let counts: number[];
  if (byCount) {
    counts = req.domain_mix.map((s) => s.count);
    const sum = counts.reduce((a, b) => a + b, 0);
    if (req.count !== 0 && req.count !== sum) throw new InvalidArgumentError('count', `must be 0 or the domain_mix counts' sum ${sum}`);
  } else {
    if (req.count < req.domain_mix.length) throw new InvalidArgumentError('count', `must be at least ${req.domain_mix.length} (one problem per domain of the mix)`);
    counts = splitByWeight(req.count, req.domain_mix.map((s) => s.weight));
  }
  let firstSlot = 0;
  const shares = req.domain_mix.map((share, i): DomainShare => {
    const count = counts[i] ?? 0;
    const resolved = {
      domain: share.domain,
      count,
      firstSlot,
      subtopics: [...share.subtopics],
      instructionTemperature: generatorTemperature ?? catalog.domains.get(share.domain).instructionTemperature,
    };
    firstSlot += count;
    return resolved;
  });
  return { shares, count: firstSlot };
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
  const mixed = req.domain_mix.length > 0;
  const mix = mixed ? resolveMix(req, catalog, req.generator?.sampling?.temperature) : undefined;
  if (!mix) {
    requireKnownDomain('domain', req.domain, catalog);
    requireKnownSubtopics('subtopics', req.domain, req.subtopics, catalog);
  }
  const runModel = requireKnownModel('model', req.model || (catalog.models.ids[0] as string), catalog);
  const rewardModel = req.reward_model || catalog.models.defaultRewardModel;
  if (!catalog.models.hasReward(rewardModel)) {
    throw new InvalidArgumentError('reward_model', `unknown reward model "${rewardModel.slice(0, ECHO)}"; known: ${catalog.models.rewardIds.join(', ')}`);
  }
  const generator = stageModel('generator', req.generator, runModel, catalog);
  const solver = stageModel('solver', req.solver, runModel, catalog);
  const sampler = stageModel('sampler', req.sampler, runModel, catalog);
  // The seed fork tunes instruction temperature per domain (per share of a mix); model defaults supply the rest.
  const instructionDefaults = mix ? generator.defaults.instruction : { ...generator.defaults.instruction, temperature: catalog.domains.get(req.domain).instructionTemperature };
  const pairRule = req.pair_rule === 'PAIR_RULE_UNSPECIFIED' ? RUN_SPEC_DEFAULTS.pairRule : pairRuleMapping.tryFromProto(req.pair_rule);
  if (pairRule === undefined) throw new InvalidArgumentError('pair_rule', `must be one of ${PairRule.options.map((rule) => pairRuleMapping.toProto(rule)).join(', ')}`);

  const parsed = RunSpec.safeParse({
    domain: mix ? MIXED_DOMAIN : req.domain,
    subtopics: mix ? [] : [...req.subtopics],
    count: mix ? mix.count : req.count,
    generator: { model: generator.id, sampling: sampling(req.generator?.sampling, instructionDefaults) },
    solver: { model: solver.id, sampling: sampling(req.solver?.sampling, solver.defaults.response) },
    sampler: {
      model: sampler.id,
      sampling: sampling(req.sampler?.sampling, sampler.defaults.samples),
      samplesPerProblem: req.samples_per_problem ?? RUN_SPEC_DEFAULTS.samplesPerProblem,
    },
    reward: {
      model: rewardModel,
      pairRule,
      minRewardMargin: req.min_reward_margin ?? RUN_SPEC_DEFAULTS.minRewardMargin,
    },
    filters: filters(req.filters),
    quality: qualityOptionsFromProto(req.quality),
    seed: req.seed ?? limits.randomSeed(),
    ...resolveDataQuality(req.data_quality, catalog),
    ...(mix ? { domainMix: mix.shares } : {}),
  });
  if (!parsed.success) throw invalidArgumentOf(parsed.error.issues[0] ?? { code: 'custom', path: [], message: parsed.error.message, input: undefined });
  const spec = parsed.data;
  if (spec.count > limits.maxRunCount) throw new InvalidArgumentError('count', `must be at most ${limits.maxRunCount}`);
  return spec;
}
