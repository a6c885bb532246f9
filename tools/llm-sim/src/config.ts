import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { envBool, envInt, envNumber, loadConfig, LogLevel, type EnvSource } from '@magpie/config';
import { z } from 'zod';
import { DEFAULT_REALISM, SIM_PROFILES } from './realistic/realism-settings.js';
import { SCHEDULING_POLICIES } from './batch-scheduler.js';
import { A100_32B_TIMING } from './timing-params.js';

const rate = (defaultValue: number) => envNumber(defaultValue, 0, 1);
const R = DEFAULT_REALISM;

/** An optional number variable: undefined when unset, so the profile decides. */
const optionalNumber = (min: number, max: number) => z.coerce.number().min(min).max(max).optional();

/** Five comma-separated non-negative weights for difficulties 1..5. */
const difficultyMix = z
  .string()
  .default(R.difficultyMix.join(','))
  .transform((v) => v.split(',').map((s) => Number(s.trim())))
  .pipe(z.array(z.number().min(0)).length(5, { message: 'must be five comma-separated non-negative weights' }))
  .refine((w) => w.some((x) => x > 0), { message: 'at least one weight must be positive' });

/** The simulator's environment variables and their defaults (documented in tools/llm-sim/README.md). */
export const SimConfigSchema = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  /** The first replica's port; replica i listens on SIM_PORT + i. */
  SIM_PORT: envInt(8000, 0, 65535),
  /** Independent simulators on consecutive ports, each with its own scheduler and seed SIM_SEED + i. */
  SIM_REPLICAS: envInt(1, 1, 64),
  SIM_SEED: envInt(1234, 0, 2 ** 32 - 1),
  /** `realistic` models real models; `ideal` keeps the plumbing double (fixed accuracy, oracle rewards). */
  SIM_PROFILE: z.enum(SIM_PROFILES).default('realistic'),
  /** Ideal profile: probability that one sampled chat solution is correct. */
  SIM_ACCURACY: envNumber(0.8, 0, 1),
  /** Fixed extra wall-clock latency per generation/scoring request, on top of the timing model. */
  SIM_DELAY_MS: envInt(0, 0, 600_000),
  /** Like vLLM's --reasoning-parser: reasoning goes to message.reasoning/reasoning_content instead of inline <think>. */
  SIM_REASONING_PARSER: envBool(false),
  /** Probability that a Magpie problem choice comes back empty (only the stop token). */
  SIM_EMPTY_RATE: rate(0),
  SIM_OFF_DOMAIN_RATE: rate(R.offDomainRate),
  SIM_NON_MATH_RATE: rate(R.nonMathRate),
  SIM_COLON_RATE: rate(R.colonRate),
  SIM_LEAK_RATE: rate(R.leakRate),
  SIM_DIFFICULTY_MIX: difficultyMix,
  SIM_SKILL_SHIFT: envNumber(R.skillShift, -10, 10),
  SIM_SKILL_SLOPE: envNumber(R.skillSlope, 0, 20),
  SIM_PROBLEM_SPREAD: envNumber(R.problemSpread, 0, 10),
  SIM_TEMPERATURE_PENALTY: envNumber(R.temperaturePenalty, 0, 100),
  SIM_TRUNCATION_SHARE: envNumber(R.truncationShare, 0, 0.99),
  SIM_TRUNCATION_REFERENCE_TOKENS: envInt(R.truncationReferenceTokens, 256, 1_048_576),
  SIM_THINK_GROWTH: envNumber(R.thinkGrowth, 1, 10),
  SIM_THINK_SIGMA: envNumber(R.thinkSigma, 0.01, 5),
  SIM_REWARD_AUROC: envNumber(R.rewardAuroc, 0.5, 0.999),
  SIM_REWARD_LENGTH_BIAS: envNumber(R.rewardLengthBias, -10, 10),
  SIM_CONFIDENT_WRONG_RATE: rate(R.confidentWrongRate),
  SIM_TAG_NOISE: rate(R.tagNoise),
  /** vLLM-style prefix caching; unset: on in the realistic profile, off in the ideal one. */
  SIM_PREFIX_CACHE: z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes').optional(),
  SIM_PREFIX_CACHE_TOKENS: envInt(200_000, 0, 1e9),
  /** Sequences (choices) that run at once, like vLLM's --max-num-seqs. */
  SIM_MAX_NUM_SEQS: envInt(A100_32B_TIMING.maxNumSeqs, 1, 65_536),
  /**
   * vLLM's --scheduling-policy: `fcfs` (vLLM's default; a request priority other than 0 is refused)
   * or `priority` (waiting sequences are admitted by request priority, lower first).
   */
  SIM_SCHEDULING_POLICY: z.enum(SCHEDULING_POLICIES).default('fcfs'),
  /** Simulated time runs this many times faster than wall time; 0 answers instantly (no timing model). */
  SIM_TIME_SCALE: envNumber(0, 0, 1_000_000),
  /** Timing overrides for every model; unset: the profile's (ideal: the 32B reference; realistic: each model's A100 timing). */
  SIM_PREFILL_MS_PER_TOKEN: optionalNumber(0, 10_000),
  SIM_DECODE_BASE_MS: optionalNumber(0, 60_000),
  SIM_DECODE_MS_PER_RUNNING_SEQ: optionalNumber(0, 60_000),
  /** Fault rates: the probability that one generation/scoring request gets that fault. Their sum must be ≤ 1. */
  SIM_ERROR_RATE: rate(0),
  SIM_HANG_RATE: rate(0),
  SIM_SLOW_RATE: rate(0),
  /** A slow request takes this many times its normal latency. */
  SIM_SLOW_FACTOR: envNumber(10, 1, 10_000),
  SIM_MALFORMED_RATE: rate(0),
  SIM_RESET_RATE: rate(0),
  MAGPIE_CONFIG_DIR: z.string().min(1).default(DEFAULT_CONFIG_DIR),
  LOG_LEVEL: LogLevel,
});
export type SimConfig = z.infer<typeof SimConfigSchema>;

/**
 * Reads the simulator's configuration. Throws ConfigError (from @magpie/config) naming each invalid
 * variable, including fault rates that add up to more than 1.
 */
export function loadSimConfig(env: EnvSource = process.env): Readonly<SimConfig> {
  const schema = SimConfigSchema.refine(
    (c) => c.SIM_ERROR_RATE + c.SIM_HANG_RATE + c.SIM_SLOW_RATE + c.SIM_MALFORMED_RATE + c.SIM_RESET_RATE <= 1,
    { message: 'SIM_ERROR_RATE + SIM_HANG_RATE + SIM_SLOW_RATE + SIM_MALFORMED_RATE + SIM_RESET_RATE must be at most 1', path: ['SIM_ERROR_RATE'] },
  )
    .refine((c) => c.SIM_NON_MATH_RATE + c.SIM_COLON_RATE + c.SIM_LEAK_RATE <= 1, { message: 'SIM_NON_MATH_RATE + SIM_COLON_RATE + SIM_LEAK_RATE must be at most 1', path: ['SIM_NON_MATH_RATE'] })
    .refine((c) => c.SIM_REWARD_AUROC < 1 - c.SIM_CONFIDENT_WRONG_RATE, { message: 'SIM_REWARD_AUROC must be below 1 - SIM_CONFIDENT_WRONG_RATE', path: ['SIM_REWARD_AUROC'] });
  return loadConfig(schema, env);
}
