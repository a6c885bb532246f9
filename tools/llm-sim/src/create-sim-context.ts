import type { Catalog } from '@magpie/catalog';
import type { Logger } from '@magpie/logging';
import { RealisticRegistry } from './families/realistic-registry.js';
import { IdealContent } from './ideal-content.js';
import { ProblemRegistry } from './problems/problem-registry.js';
import { AnswerJudge } from './realistic/answer-judge.js';
import { a100Timing, modelProfile } from './realistic/model-profiles.js';
import { TruthService } from './realistic/problem-truth.js';
import { DEFAULT_REALISM, validateRealism, type RealismSettings, type SimProfile } from './realistic/realism-settings.js';
import { RealisticContent } from './realistic/realistic-content.js';
import { TextEmbedder } from './realistic/text-embedding.js';
import type { SimContext } from './sim-context.js';
import type { SimMetrics } from './sim-metrics.js';
import { A100_32B_TIMING, type TimingParams } from './timing-params.js';

export interface SimContextOptions {
  readonly catalog: Catalog;
  readonly logger: Logger;
  readonly metrics: SimMetrics;
  readonly seed: number;
  readonly profile: SimProfile;
  /** The ideal profile's fixed probability that a sample is right. */
  readonly accuracy: number;
  /** Realistic-profile settings; DEFAULT_REALISM for any left out. */
  readonly realism: Partial<RealismSettings>;
  readonly reasoningParser: boolean;
  readonly emptyRate: number;
  /** Timing fields set explicitly; they apply to every model, over the profile's own timing. */
  readonly timing: Partial<TimingParams>;
}

/**
 * Builds what the handlers share. The ideal profile times every model as the 32B reference and
 * tags without noise; the realistic one times each model from its size (a100Timing) and tags with
 * `realism.tagNoise`. Throws RealismSettingsError for invalid realism settings.
 */
export function createSimContext(o: SimContextOptions): { ctx: SimContext; judge: AnswerJudge } {
  const realism = validateRealism({ ...DEFAULT_REALISM, ...o.realism });
  const legacy = new ProblemRegistry();
  const registry = new RealisticRegistry();
  const truth = new TruthService(registry, legacy);
  const judge = new AnswerJudge();
  const realistic = o.profile === 'realistic';
  const content = realistic
    ? new RealisticContent({ catalog: o.catalog, registry, truth, settings: realism, seed: o.seed, judge })
    : new IdealContent({ catalog: o.catalog, registry: legacy, seed: o.seed, accuracy: o.accuracy });
  const maxNumSeqs = o.timing.maxNumSeqs ?? A100_32B_TIMING.maxNumSeqs;
  const timings = new Map<string, TimingParams>();
  const timingFor = (modelId: string): TimingParams => {
    const cached = timings.get(modelId);
    if (cached) return cached;
    const entry = o.catalog.models.has(modelId) ? o.catalog.models.get(modelId) : undefined;
    const base = realistic ? a100Timing(modelProfile(modelId, entry?.reasoning ?? false), maxNumSeqs) : { ...A100_32B_TIMING, maxNumSeqs };
    const timing = { ...base, ...o.timing };
    timings.set(modelId, timing);
    return timing;
  };
  let requestNumber = 0;
  const ctx: SimContext = {
    catalog: o.catalog,
    profile: o.profile,
    content,
    truth,
    embedder: new TextEmbedder(),
    metrics: o.metrics,
    logger: o.logger,
    seed: o.seed,
    reasoningParser: o.reasoningParser,
    emptyRate: o.emptyRate,
    tagNoise: realistic ? realism.tagNoise : 0,
    timingFor,
    nextRequestNumber: () => ++requestNumber,
  };
  return { ctx, judge };
}
