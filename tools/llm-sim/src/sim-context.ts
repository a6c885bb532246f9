import type { Catalog, ModelEntry } from '@magpie/catalog';
import type { Logger } from '@magpie/logging';
import type { ContentModel } from './content-model.js';
import { NotFoundError } from './errors.js';
import type { TruthService } from './realistic/problem-truth.js';
import type { SimProfile } from './realistic/realism-settings.js';
import type { TextEmbedder } from './realistic/text-embedding.js';
import type { SimMetrics } from './sim-metrics.js';
import type { TimingParams } from './timing-params.js';

/** What every endpoint handler of one simulator shares. */
export interface SimContext {
  readonly catalog: Catalog;
  readonly profile: SimProfile;
  /** What the models write and how rewards score (ideal or realistic). */
  readonly content: ContentModel;
  /** What the simulator knows about any text: answers, difficulties, domains, defects. */
  readonly truth: TruthService;
  readonly embedder: TextEmbedder;
  readonly metrics: SimMetrics;
  readonly logger: Logger;
  readonly seed: number;
  readonly reasoningParser: boolean;
  /** Probability that a Magpie problem choice comes back empty. */
  readonly emptyRate: number;
  /** Probability that a tag answer is off by one level or category. */
  readonly tagNoise: number;
  /** The timing of the model a request names (per model in the realistic profile). */
  timingFor(modelId: string): TimingParams;
  /** A fresh number per generation request; stands in for the seed when a request sends none. */
  nextRequestNumber(): number;
}

/** A handler's answer plus what /metrics needs to know about it. */
export interface HandlerResult {
  readonly body: object;
  readonly model: string;
  readonly promptTokens: number;
  readonly generationTokens: number;
  readonly finishReasons: readonly string[];
  /** Output tokens of each sequence, for the timing model; empty for scoring (prefill only). */
  readonly sequenceTokens: readonly number[];
  /** The prompt text, for the prefix cache (one per prompt of the request). */
  readonly prompts?: readonly string[];
}

/** The generator model named by a request (the first catalog model when none). Throws NotFoundError. */
export function generatorModel(ctx: SimContext, id: string | null | undefined): ModelEntry {
  const name = id ?? ctx.catalog.models.ids[0] ?? '';
  if (!ctx.catalog.models.has(name)) throw new NotFoundError(`The model \`${name}\` does not exist.`);
  return ctx.catalog.models.get(name);
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
