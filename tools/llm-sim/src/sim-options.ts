import type { Catalog } from '@magpie/catalog';
import type { Logger } from '@magpie/logging';
import type { SimConfig } from './config.js';
import type { RealismSettings } from './realistic/realism-settings.js';
import type { StartReplicasOptions } from './start-replicas.js';
import type { TimingParams } from './timing-params.js';

/** The realistic-profile settings of a configuration. */
export function realismFromConfig(config: SimConfig): RealismSettings {
  const [w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0] = config.SIM_DIFFICULTY_MIX;
  return {
    offDomainRate: config.SIM_OFF_DOMAIN_RATE,
    nonMathRate: config.SIM_NON_MATH_RATE,
    colonRate: config.SIM_COLON_RATE,
    leakRate: config.SIM_LEAK_RATE,
    difficultyMix: [w1, w2, w3, w4, w5],
    skillShift: config.SIM_SKILL_SHIFT,
    skillSlope: config.SIM_SKILL_SLOPE,
    problemSpread: config.SIM_PROBLEM_SPREAD,
    temperaturePenalty: config.SIM_TEMPERATURE_PENALTY,
    truncationShare: config.SIM_TRUNCATION_SHARE,
    truncationReferenceTokens: config.SIM_TRUNCATION_REFERENCE_TOKENS,
    thinkGrowth: config.SIM_THINK_GROWTH,
    thinkSigma: config.SIM_THINK_SIGMA,
    rewardAuroc: config.SIM_REWARD_AUROC,
    rewardLengthBias: config.SIM_REWARD_LENGTH_BIAS,
    confidentWrongRate: config.SIM_CONFIDENT_WRONG_RATE,
    tagNoise: config.SIM_TAG_NOISE,
  };
}

/** The timing variables that were set; the profile supplies the rest. */
function timingFromConfig(config: SimConfig): Partial<TimingParams> {
  return {
    maxNumSeqs: config.SIM_MAX_NUM_SEQS,
    ...(config.SIM_PREFILL_MS_PER_TOKEN === undefined ? {} : { prefillMsPerToken: config.SIM_PREFILL_MS_PER_TOKEN }),
    ...(config.SIM_DECODE_BASE_MS === undefined ? {} : { decodeBaseMs: config.SIM_DECODE_BASE_MS }),
    ...(config.SIM_DECODE_MS_PER_RUNNING_SEQ === undefined ? {} : { decodeMsPerRunningSeq: config.SIM_DECODE_MS_PER_RUNNING_SEQ }),
  };
}

/** Maps the SIM_* configuration onto startReplicas options (host, ports, seeds, profile, timing, faults, content knobs). */
export function replicaOptionsFromConfig(config: SimConfig, deps: { catalog: Catalog; logger?: Logger }): StartReplicasOptions {
  return {
    catalog: deps.catalog,
    ...(deps.logger ? { logger: deps.logger } : {}),
    host: config.SIM_HOST,
    basePort: config.SIM_PORT,
    count: config.SIM_REPLICAS,
    seed: config.SIM_SEED,
    profile: config.SIM_PROFILE,
    realism: realismFromConfig(config),
    accuracy: config.SIM_ACCURACY,
    delayMs: config.SIM_DELAY_MS,
    reasoningParser: config.SIM_REASONING_PARSER,
    emptyRate: config.SIM_EMPTY_RATE,
    ...(config.SIM_PREFIX_CACHE === undefined ? {} : { prefixCache: config.SIM_PREFIX_CACHE }),
    prefixCacheTokens: config.SIM_PREFIX_CACHE_TOKENS,
    timeScale: config.SIM_TIME_SCALE,
    schedulingPolicy: config.SIM_SCHEDULING_POLICY,
    timing: timingFromConfig(config),
    faults: {
      error: config.SIM_ERROR_RATE,
      hang: config.SIM_HANG_RATE,
      slow: config.SIM_SLOW_RATE,
      slowFactor: config.SIM_SLOW_FACTOR,
      malformed: config.SIM_MALFORMED_RATE,
      reset: config.SIM_RESET_RATE,
    },
  };
}
