import type { StartRunRequest } from '@magpie/api';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { resolveRunSpec } from './resolve-run-spec.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const limits = { maxRunCount: 1_000, randomSeed: () => 99 };

function request(overrides: Partial<StartRunRequest> = {}): StartRunRequest {
  return {
    domain: 'algebra',
    count: 10,
    model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
    generator: null,
    solver: null,
    sampler: null,
    reward_model: '',
    subtopics: [],
    request_id: '',
    pair_rule: 'PAIR_RULE_UNSPECIFIED',
    filters: null,
    data_quality: null,
    domain_mix: [],
    labels: {},
    quality: null,
    ...overrides,
  };
}

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  return undefined;
}

describe('resolveRunSpec', () => {
  it("fills every default from the model's entry and the domain", () => {
    const spec = resolveRunSpec(request(), catalog, limits);
    expect(spec).toMatchObject({
      domain: 'algebra',
      count: 10,
      seed: 99,
      generator: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 1.3, topP: 1, maxTokens: 1024 } },
      solver: { sampling: { temperature: 0.1, maxTokens: 16384 } },
      sampler: { samplesPerProblem: 5, sampling: { temperature: 0.8, topP: 0.95 } },
      reward: { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', pairRule: 'correctness', minRewardMargin: 0 },
      filters: { minChars: 10, maxChars: 4000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true },
      quality: { verifyShare: 0.6, stylePairs: false, adaptiveSampling: null },
    });
  });

  it('resolves the quality options: adaptive sampling at 3 and 8 unless sized, the verify share, style pairs, unverified exports', () => {
    expect(resolveRunSpec(request({ quality: { adaptive_sampling: true } }), catalog, limits).quality).toEqual({
      verifyShare: 0.6,
      stylePairs: false,
      adaptiveSampling: { initialSamples: 3, maxSamples: 8 },
      keepUnverified: false,
    });
    const sized = resolveRunSpec(
      request({ quality: { adaptive_sampling: true, adaptive_initial_samples: 2, adaptive_max_samples: 6, verify_share: 1, style_pairs: true, keep_unverified: true } }),
      catalog,
      limits,
    );
    expect(sized.quality).toEqual({ verifyShare: 1, stylePairs: true, adaptiveSampling: { initialSamples: 2, maxSamples: 6 }, keepUnverified: true });
    // Sizes without adaptive sampling change nothing.
    expect(resolveRunSpec(request({ quality: { adaptive_initial_samples: 4 } }), catalog, limits).quality.adaptiveSampling).toBeNull();
    expect(resolveRunSpec(request({ pair_rule: 'PAIR_RULE_MAGPIE' }), catalog, limits).reward.pairRule).toBe('magpie');
  });

  it('applies per-stage overrides', () => {
    const spec = resolveRunSpec(
      request({
        solver: { model: 'Qwen/Qwen2.5-Math-72B-Instruct', sampling: { temperature: 0 } },
        samples_per_problem: 7,
        seed: 5,
        subtopics: ['quadratics'],
      }),
      catalog,
      limits,
    );
    expect(spec.solver).toMatchObject({ model: 'Qwen/Qwen2.5-Math-72B-Instruct', sampling: { temperature: 0 } });
    expect(spec.sampler.samplesPerProblem).toBe(7);
    expect(spec.seed).toBe(5);
    expect(spec.subtopics).toEqual(['quadratics']);
  });

  it.each([
    [{ count: 0 }, 'count'],
    [{ count: 5_000 }, 'count'],
    [{ domain: '' }, 'domain'],
    [{ domain: 'topology' }, 'domain'],
    [{ model: 'acme/Nope' }, 'model'],
    [{ subtopics: ['quadratics', 'knots'] }, 'subtopics[1]'],
    [{ samples_per_problem: 1 }, 'samples_per_problem'],
    [{ reward_model: 'acme/RM' }, 'reward_model'],
    [{ solver: { model: 'acme/Nope', sampling: null } }, 'solver.model'],
    [{ sampler: { model: '', sampling: { top_p: 0 } } }, 'sampler.sampling.top_p'],
    [{ generator: { model: '', sampling: { temperature: 9 } } }, 'generator.sampling.temperature'],
    [{ pair_rule: 'majority' }, 'pair_rule'],
    [{ quality: { verify_share: 0 } }, 'quality.verify_share'],
    [{ quality: { verify_share: 1.5 } }, 'quality.verify_share'],
    [{ quality: { adaptive_sampling: true, adaptive_initial_samples: 8, adaptive_max_samples: 8 } }, 'quality.adaptive_initial_samples'],
    [{ quality: { adaptive_sampling: true, adaptive_max_samples: 17 } }, 'quality.adaptive_max_samples'],
    [{ seed: 2 ** 31 }, 'seed'],
    [{ pair_rule: 'best' }, 'pair_rule'],
    [{ min_reward_margin: -1 }, 'min_reward_margin'],
    [{ filters: { near_duplicate_threshold: 0 } }, 'filters.near_duplicate_threshold'],
    [{ filters: { min_chars: 50, max_chars: 20 } }, 'filters.min_chars'],
  ] as [Partial<StartRunRequest>, string][])('rejects %j naming %s', (overrides, field) => {
    expect(fieldOf(() => resolveRunSpec(request(overrides), catalog, limits))).toBe(field);
  });

  it('takes its bounds from RunSpec and says them in the platform style, with the proto field names', () => {
    const messageOf = (overrides: Partial<StartRunRequest>) => {
      try {
        resolveRunSpec(request(overrides), catalog, limits);
      } catch (err) {
        return (err as Error).message;
      }
      return undefined;
    };
    expect(messageOf({ count: 0 })).toBe('count: must be at least 1');
    expect(messageOf({ count: 5_000 })).toBe('count: must be at most 1000');
    expect(messageOf({ samples_per_problem: 17 })).toBe('samples_per_problem: must be at most 16');
    expect(messageOf({ solver: { model: '', sampling: { top_p: 0 } } })).toBe('solver.sampling.top_p: must be greater than 0');
    expect(messageOf({ sampler: { model: '', sampling: { max_tokens: 0 } } })).toBe('sampler.sampling.max_tokens: must be at least 1');
    expect(messageOf({ pair_rule: 7 as unknown as StartRunRequest['pair_rule'] })).toBe('pair_rule: must be one of PAIR_RULE_CORRECTNESS, PAIR_RULE_MAGPIE');
    expect(messageOf({ min_reward_margin: -0.5 })).toBe('min_reward_margin: must be at least 0');
    expect(messageOf({ quality: { verify_share: 0 } })).toBe('quality.verify_share: must be greater than 0');
    expect(messageOf({ quality: { adaptive_sampling: true, adaptive_initial_samples: 9 } })).toBe('quality.adaptive_initial_samples: must be below quality.adaptive_max_samples');
    expect(messageOf({ filters: { min_chars: 50, max_chars: 20 } })).toBe('filters.min_chars: must not exceed filters.max_chars');
    expect(messageOf({ generator: { model: '', sampling: { temperature: Number.NaN } } })).toBe('generator.sampling.temperature: must be a finite number');
  });

  it('resolves the data-quality options: defaults when unset, enums, ANY as no minimum, and field names in errors', () => {
    expect(resolveRunSpec(request(), catalog, limits)).toMatchObject({
      dedup: { maskValues: false, embeddingModel: null, embeddingThreshold: 0.975 },
      decontamination: { mode: 'off', ngram: 13 },
      tags: { enabled: false, model: 'meta-llama/Meta-Llama-3-8B-Instruct', minQuality: 'good', minDifficulty: 'medium', minReward: null },
    });
    expect(resolveRunSpec(request(), catalog, limits)).not.toHaveProperty('dataset');
    const data_quality = {
      dataset: 'algebra-v2',
      mask_values: true,
      embedding_model: 'sentence-transformers/all-MiniLM-L6-v2',
      embedding_threshold: 0.98,
      decontamination: 'DECONTAMINATION_MODE_FLAG',
      decontamination_ngram: 8,
      tags: true,
      tagger_model: 'Qwen/Qwen2.5-7B-Instruct',
      min_quality: 'INPUT_QUALITY_ANY',
      min_difficulty: 'DIFFICULTY_HARD',
      min_reward: -0.5,
    } as const;
    expect(resolveRunSpec(request({ data_quality }), catalog, limits)).toMatchObject({
      dataset: 'algebra-v2',
      dedup: { maskValues: true, embeddingModel: 'sentence-transformers/all-MiniLM-L6-v2', embeddingThreshold: 0.98 },
      decontamination: { mode: 'flag', ngram: 8 },
      tags: { enabled: true, model: 'Qwen/Qwen2.5-7B-Instruct', minQuality: null, minDifficulty: 'hard', minReward: -0.5 },
    });
    const messageOf = (overrides: object) => {
      try {
        resolveRunSpec(request({ data_quality: { ...data_quality, ...overrides } }), catalog, limits);
      } catch (err) {
        return (err as Error).message;
      }
      return undefined;
    };
    expect(messageOf({ dataset: 'my data' })).toBe('data_quality.dataset: must contain only letters, digits, "-" and "_"');
    expect(messageOf({ embedding_threshold: 1.5 })).toBe('data_quality.embedding_threshold: must be at most 1');
    expect(messageOf({ decontamination_ngram: 2 })).toBe('data_quality.decontamination_ngram: must be at least 3');
    expect(messageOf({ tagger_model: 'nope' })).toMatch(/^data_quality.tagger_model: unknown model "nope"/);
    expect(messageOf({ min_quality: 7 })).toBe('data_quality.min_quality: unknown value 7');
  });

  it('splits a domain mix by weights into consecutive slots, each domain at its instruction temperature', () => {
    const spec = resolveRunSpec(
      request({
        domain: '',
        count: 10,
        domain_mix: [
          { domain: 'algebra', count: 0, weight: 2, subtopics: ['quadratics'] },
          { domain: 'geometry', count: 0, weight: 1, subtopics: [] },
        ],
      }),
      catalog,
      limits,
    );
    expect(spec.domain).toBe('mixed');
    expect(spec.count).toBe(10);
    expect(spec.domainMix).toEqual([
      { domain: 'algebra', count: 7, firstSlot: 0, subtopics: ['quadratics'], instructionTemperature: catalog.domains.get('algebra').instructionTemperature },
      { domain: 'geometry', count: 3, firstSlot: 7, subtopics: [], instructionTemperature: catalog.domains.get('geometry').instructionTemperature },
    ]);
  });

  it('takes a mix of counts as the run count, and names the offending share field', () => {
    const mix = (shares: StartRunRequest['domain_mix'], count = 0) => request({ domain: '', count, domain_mix: shares });
    const share = (domain: string, count: number, weight = 0) => ({ domain, count, weight, subtopics: [] });
    expect(resolveRunSpec(mix([share('algebra', 3), share('calculus', 4)]), catalog, limits).count).toBe(7);
    expect(fieldOf(() => resolveRunSpec(mix([share('algebra', 3), share('calculus', 4)], 8), catalog, limits))).toBe('count');
    expect(fieldOf(() => resolveRunSpec(mix([share('algebra', 3), share('topology', 4)]), catalog, limits))).toBe('domain_mix[1].domain');
    expect(fieldOf(() => resolveRunSpec(mix([share('algebra', 3), share('algebra', 4)]), catalog, limits))).toBe('domain_mix[1].domain');
    expect(fieldOf(() => resolveRunSpec(mix([share('algebra', 3), share('calculus', 0, 1)]), catalog, limits))).toBe('domain_mix');
    expect(fieldOf(() => resolveRunSpec(mix([share('algebra', 3)]), catalog, limits))).toBe('domain_mix');
    expect(fieldOf(() => resolveRunSpec({ ...mix([share('algebra', 3), share('calculus', 4)]), domain: 'algebra' }, catalog, limits))).toBe('domain');
  });

  it('lists the known domains when the domain is unknown', () => {
    expect(() => resolveRunSpec(request({ domain: 'topology' }), catalog, limits)).toThrow(/known domains: algebra, calculus/);
  });
});
