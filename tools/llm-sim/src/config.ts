import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { envBool, envInt, envNumber, loadConfig, LogLevel, type EnvSource } from '@magpie/config';
import { z } from 'zod';
import { A100_32B_TIMING } from './timing-params.js';

const rate = (defaultValue: number) => envNumber(defaultValue, 0, 1);

/** The simulator's environment variables and their defaults (documented in tools/llm-sim/README.md). */
export const SimConfigSchema = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  /** The first replica's port; replica i listens on SIM_PORT + i. */
  SIM_PORT: envInt(8000, 0, 65535),
  /** Independent simulators on consecutive ports, each with its own scheduler and seed SIM_SEED + i. */
  SIM_REPLICAS: envInt(1, 1, 64),
  SIM_SEED: envInt(1234, 0, 2 ** 32 - 1),
  /** Probability that one sampled chat solution is correct. */
  SIM_ACCURACY: envNumber(0.8, 0, 1),
  /** Fixed extra wall-clock latency per generation/scoring request, on top of the timing model. */
  SIM_DELAY_MS: envInt(0, 0, 600_000),
  /** Like vLLM's --reasoning-parser: reasoning goes to message.reasoning/reasoning_content instead of inline <think>. */
  SIM_REASONING_PARSER: envBool(false),
  /** Probability that a Magpie problem choice comes back empty (only the stop token). */
  SIM_EMPTY_RATE: rate(0),
  /** Sequences (choices) that run at once, like vLLM's --max-num-seqs. */
  SIM_MAX_NUM_SEQS: envInt(A100_32B_TIMING.maxNumSeqs, 1, 65_536),
  /** Simulated time runs this many times faster than wall time; 0 answers instantly (no timing model). */
  SIM_TIME_SCALE: envNumber(0, 0, 1_000_000),
  SIM_PREFILL_MS_PER_TOKEN: envNumber(A100_32B_TIMING.prefillMsPerToken, 0, 10_000),
  SIM_DECODE_BASE_MS: envNumber(A100_32B_TIMING.decodeBaseMs, 0, 60_000),
  SIM_DECODE_MS_PER_RUNNING_SEQ: envNumber(A100_32B_TIMING.decodeMsPerRunningSeq, 0, 60_000),
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
  );
  return loadConfig(schema, env);
}
