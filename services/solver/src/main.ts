import { loadCatalog } from '@magpie/catalog';
import { createInferencePool, poolSettingsFromEnv } from '@magpie/llm';
import { runStageProcess } from '@magpie/runs';
import { loadSolverConfig } from './config.js';
import { Solver } from './solver.js';

const config = loadSolverConfig();
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const code = await runStageProcess({
  name: 'solver',
  env: config,
  backendUrls: config.LLM_BASE_URL,
  create: async ({ platform, logger, metrics }) =>
    new Solver({
      ...platform,
      catalog,
      // One sequence per request.
      pool: await createInferencePool(poolSettingsFromEnv(config, { baseUrls: config.LLM_BASE_URL, sequencesPerRequest: 1, logger, onCall: metrics.onCall })),
      logger,
      metrics,
      settings: {
        ackWaitMs: config.ACK_WAIT_MS,
        maxDeliveries: config.MAX_DELIVERIES,
        retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
      },
    }),
});
process.exit(code);
