import type { Catalog } from '@magpie/catalog';
import type { Logger } from '@magpie/logging';
import type { SimConfig } from './config.js';
import type { StartReplicasOptions } from './start-replicas.js';

/** Maps the SIM_* configuration onto startReplicas options (host, ports, seeds, timing, faults, content knobs). */
export function replicaOptionsFromConfig(config: SimConfig, deps: { catalog: Catalog; logger?: Logger }): StartReplicasOptions {
  return {
    catalog: deps.catalog,
    ...(deps.logger ? { logger: deps.logger } : {}),
    host: config.SIM_HOST,
    basePort: config.SIM_PORT,
    count: config.SIM_REPLICAS,
    seed: config.SIM_SEED,
    accuracy: config.SIM_ACCURACY,
    delayMs: config.SIM_DELAY_MS,
    reasoningParser: config.SIM_REASONING_PARSER,
    emptyRate: config.SIM_EMPTY_RATE,
    timeScale: config.SIM_TIME_SCALE,
    timing: {
      maxNumSeqs: config.SIM_MAX_NUM_SEQS,
      prefillMsPerToken: config.SIM_PREFILL_MS_PER_TOKEN,
      decodeBaseMs: config.SIM_DECODE_BASE_MS,
      decodeMsPerRunningSeq: config.SIM_DECODE_MS_PER_RUNNING_SEQ,
    },
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
