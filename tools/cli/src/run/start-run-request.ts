import { pairRuleMapping, type StartRunRequestInput } from '@magpie/api';
import type { PairRule } from '@magpie/contracts';
import { toDataQualityOptions, type DataQualityOverrides } from './data-quality-request.js';

/** Per-stage sampling a user asked for; anything left out is the gateway's default. */
export interface SamplingOverrides {
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxTokens?: number;
}

/** Instruction filters a user asked for; anything left out is the gateway's default. */
export interface FilterOverrides {
  readonly minChars?: number;
  readonly maxChars?: number;
  readonly nearDuplicateThreshold?: number;
  readonly sanitize?: boolean;
}

/** Data-quality options a user asked for; anything left out is the gateway's default. */
export interface QualityOverrides {
  readonly verifyShare?: number;
  readonly stylePairs?: boolean;
  /** 3 samples, extended to 8 when they do not all agree. */
  readonly adaptiveSampling?: boolean;
  /** The dataset's training exports (messages, ShareGPT, DPO) also hold unverified records. */
  readonly keepUnverified?: boolean;
}

/** What `magpie run` (and the commands built on it) ask the gateway for. */
export interface RunRequest {
  readonly domain: string;
  readonly count: number;
  readonly model: string;
  readonly subtopics: readonly string[];
  readonly seed?: number;
  readonly samplesPerProblem: number;
  /** Empty or absent: the gateway's default reward model. */
  readonly rewardModel?: string;
  readonly generator?: SamplingOverrides;
  readonly solver?: SamplingOverrides;
  readonly sampler?: SamplingOverrides;
  readonly pairRule?: PairRule;
  readonly minRewardMargin?: number;
  readonly filters?: FilterOverrides;
  readonly quality?: QualityOverrides;
  /** Cross-run dedup, decontamination and tags. */
  readonly dataQuality?: DataQualityOverrides;
  /** StartRun's request_id; the same id attaches to the same run. */
  readonly requestId?: string;
}

function stage(overrides: SamplingOverrides | undefined): StartRunRequestInput['generator'] {
  if (!overrides) return null;
  // An empty model keeps the run's model for the stage; only the sampling is overridden.
  return {
    model: '',
    sampling: {
      ...(overrides.temperature === undefined ? {} : { temperature: overrides.temperature }),
      ...(overrides.topP === undefined ? {} : { top_p: overrides.topP }),
      ...(overrides.maxTokens === undefined ? {} : { max_tokens: overrides.maxTokens }),
    },
  };
}

function filters(overrides: FilterOverrides | undefined): StartRunRequestInput['filters'] {
  if (!overrides) return null;
  return {
    ...(overrides.minChars === undefined ? {} : { min_chars: overrides.minChars }),
    ...(overrides.maxChars === undefined ? {} : { max_chars: overrides.maxChars }),
    ...(overrides.nearDuplicateThreshold === undefined ? {} : { near_duplicate_threshold: overrides.nearDuplicateThreshold }),
    ...(overrides.sanitize === undefined ? {} : { sanitize: overrides.sanitize }),
  };
}

function quality(overrides: QualityOverrides | undefined): StartRunRequestInput['quality'] {
  if (!overrides) return null;
  return {
    ...(overrides.verifyShare === undefined ? {} : { verify_share: overrides.verifyShare }),
    ...(overrides.stylePairs === undefined ? {} : { style_pairs: overrides.stylePairs }),
    ...(overrides.adaptiveSampling === undefined ? {} : { adaptive_sampling: overrides.adaptiveSampling }),
    ...(overrides.keepUnverified === undefined ? {} : { keep_unverified: overrides.keepUnverified }),
  };
}

/** The StartRun message for a request; optional proto fields are left unset where the request has no value. */
export function toStartRunRequest(request: RunRequest, clientRequestId: string): StartRunRequestInput {
  return {
    domain: request.domain,
    count: request.count,
    model: request.model,
    subtopics: [...request.subtopics],
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    samples_per_problem: request.samplesPerProblem,
    reward_model: request.rewardModel ?? '',
    request_id: clientRequestId,
    generator: stage(request.generator),
    solver: stage(request.solver),
    sampler: stage(request.sampler),
    pair_rule: request.pairRule ? pairRuleMapping.toProto(request.pairRule) : 'PAIR_RULE_UNSPECIFIED',
    ...(request.minRewardMargin === undefined ? {} : { min_reward_margin: request.minRewardMargin }),
    filters: filters(request.filters),
    data_quality: toDataQualityOptions(request.dataQuality),
    quality: quality(request.quality),
  };
}
