import type { SimConfig } from './config.js';

/** How a flag's value is read on the command line (the variable's own zod rule checks it again). */
export type SimFlagKind = 'port' | 'count' | 'non-negative-int' | 'number' | 'non-negative-number' | 'rate' | 'factor' | 'text' | 'bool-optional' | 'profile' | 'mix';

/** One `magpie sim` flag and the SIM_* variable it sets. */
export interface SimFlag {
  readonly env: keyof SimConfig;
  /** Without the leading dashes: `off-domain-rate`. */
  readonly flag: string;
  readonly kind: SimFlagKind;
  readonly help: string;
}

/**
 * Every `magpie sim` flag, one per SIM_* variable (a test checks that none is missing). The CLI
 * builds its options from this list, so a new variable needs one line here and one in config.ts.
 */
export const SIM_FLAGS: readonly SimFlag[] = [
  { env: 'SIM_PORT', flag: 'port', kind: 'port', help: 'first replica port; replica i listens on port + i (default 8000)' },
  { env: 'SIM_HOST', flag: 'host', kind: 'text', help: 'listen address (default 127.0.0.1)' },
  { env: 'SIM_REPLICAS', flag: 'replicas', kind: 'count', help: 'independent simulators on consecutive ports (default 1)' },
  { env: 'SIM_SEED', flag: 'seed', kind: 'non-negative-int', help: 'base seed; replica i uses seed + i (default 1234)' },
  { env: 'SIM_PROFILE', flag: 'profile', kind: 'profile', help: 'realistic (default: models real models) or ideal (plumbing double: fixed accuracy, oracle rewards)' },
  { env: 'SIM_ACCURACY', flag: 'accuracy', kind: 'rate', help: 'ideal profile: probability that a sampled solution is correct (default 0.8)' },
  { env: 'SIM_DELAY_MS', flag: 'delay-ms', kind: 'non-negative-int', help: 'extra wall-clock delay per generation/scoring request, ms (default 0)' },
  { env: 'SIM_REASONING_PARSER', flag: 'reasoning-parser', kind: 'bool-optional', help: "like vLLM's --reasoning-parser: reasoning in message.reasoning_content" },
  { env: 'SIM_EMPTY_RATE', flag: 'empty-rate', kind: 'rate', help: 'fraction of Magpie problem choices that come back empty (default 0)' },
  { env: 'SIM_OFF_DOMAIN_RATE', flag: 'off-domain-rate', kind: 'rate', help: 'realistic: fraction of Magpie problems from another domain (default 0.08)' },
  { env: 'SIM_NON_MATH_RATE', flag: 'non-math-rate', kind: 'rate', help: 'realistic: fraction of Magpie outputs that are not mathematics (default 0.03)' },
  { env: 'SIM_COLON_RATE', flag: 'colon-rate', kind: 'rate', help: "realistic: fraction of Magpie outputs ending in ':' (default 0.03)" },
  { env: 'SIM_LEAK_RATE', flag: 'leak-rate', kind: 'rate', help: 'realistic: fraction of Magpie problems followed by their answer (default 0.04)' },
  { env: 'SIM_DIFFICULTY_MIX', flag: 'difficulty-mix', kind: 'mix', help: 'realistic: weights of difficulties 1..5 (default 0.15,0.25,0.25,0.2,0.15)' },
  { env: 'SIM_SKILL_SHIFT', flag: 'skill-shift', kind: 'number', help: 'realistic: added to every model ability, in difficulty levels (default 0)' },
  { env: 'SIM_SKILL_SLOPE', flag: 'skill-slope', kind: 'non-negative-number', help: 'realistic: logit of P(right) per level of ability above difficulty (default 1.1)' },
  { env: 'SIM_PROBLEM_SPREAD', flag: 'problem-spread', kind: 'non-negative-number', help: "realistic: s.d. of a problem's own logit offset per model (default 0.8)" },
  { env: 'SIM_TEMPERATURE_PENALTY', flag: 'temperature-penalty', kind: 'non-negative-number', help: 'realistic: logit lost per (T - 0.5)^2 above T = 0.5 (default 2)' },
  { env: 'SIM_TRUNCATION_SHARE', flag: 'truncation-share', kind: 'rate', help: 'realistic: share of reasoning samples longer than the reference max_tokens (default 0.08)' },
  { env: 'SIM_TRUNCATION_REFERENCE_TOKENS', flag: 'truncation-reference-tokens', kind: 'count', help: 'realistic: max_tokens at which the truncation share holds (default 16384)' },
  { env: 'SIM_THINK_GROWTH', flag: 'think-growth', kind: 'factor', help: 'realistic: median thinking length factor per difficulty level (default 1.9)' },
  { env: 'SIM_THINK_SIGMA', flag: 'think-sigma', kind: 'non-negative-number', help: 'realistic: log-normal sigma of thinking length (default 0.8)' },
  { env: 'SIM_REWARD_AUROC', flag: 'reward-auroc', kind: 'rate', help: 'realistic: AUROC of reward scores, right vs wrong answers (default 0.75)' },
  { env: 'SIM_REWARD_LENGTH_BIAS', flag: 'reward-length-bias', kind: 'number', help: 'realistic: reward logit per unit of log response length (default 0.3)' },
  { env: 'SIM_CONFIDENT_WRONG_RATE', flag: 'confident-wrong-rate', kind: 'rate', help: 'realistic: share of wrong answers the reward model scores as right (default 0.1)' },
  { env: 'SIM_TAG_NOISE', flag: 'tag-noise', kind: 'rate', help: 'realistic: probability a unitag answer is off by one level (default 0.25)' },
  { env: 'SIM_PREFIX_CACHE', flag: 'prefix-cache', kind: 'bool-optional', help: 'model vLLM prefix caching (default: on in realistic, off in ideal)' },
  { env: 'SIM_PREFIX_CACHE_TOKENS', flag: 'prefix-cache-tokens', kind: 'non-negative-int', help: 'prefix-cache capacity in tokens (default 200000)' },
  { env: 'SIM_MAX_NUM_SEQS', flag: 'max-num-seqs', kind: 'count', help: 'sequence slots per replica (default 256)' },
  { env: 'SIM_SCHEDULING_POLICY', flag: 'scheduling-policy', kind: 'text', help: "vLLM's --scheduling-policy: fcfs (default; refuses request priorities but 0) or priority (lower priority first)" },
  { env: 'SIM_TIME_SCALE', flag: 'time-scale', kind: 'non-negative-number', help: 'simulated time runs x times faster; 0 answers instantly' },
  { env: 'SIM_PREFILL_MS_PER_TOKEN', flag: 'prefill-ms-per-token', kind: 'non-negative-number', help: 'prefill ms per prompt token for every model (default: per profile)' },
  { env: 'SIM_DECODE_BASE_MS', flag: 'decode-base-ms', kind: 'non-negative-number', help: 'fixed per-token decode ms for every model (default: per profile)' },
  { env: 'SIM_DECODE_MS_PER_RUNNING_SEQ', flag: 'decode-ms-per-running-seq', kind: 'non-negative-number', help: 'decode ms each running sequence adds, every model (default: per profile)' },
  { env: 'SIM_ERROR_RATE', flag: 'error-rate', kind: 'rate', help: 'fraction of requests answered 500/503/429' },
  { env: 'SIM_HANG_RATE', flag: 'hang-rate', kind: 'rate', help: 'fraction of requests never answered' },
  { env: 'SIM_SLOW_RATE', flag: 'slow-rate', kind: 'rate', help: 'fraction of requests slowed down' },
  { env: 'SIM_SLOW_FACTOR', flag: 'slow-factor', kind: 'factor', help: 'how many times slower a slow request is (default 10)' },
  { env: 'SIM_MALFORMED_RATE', flag: 'malformed-rate', kind: 'rate', help: 'fraction of requests answered with invalid JSON' },
  { env: 'SIM_RESET_RATE', flag: 'reset-rate', kind: 'rate', help: 'fraction of connections reset' },
];
