import { loadCatalog } from '@magpie/catalog';
import { createInferencePool, poolSettingsFromEnv } from '@magpie/llm';
import { runStageProcess } from '@magpie/runs';
import { loadSamplerConfig } from './config.js';
import { Sampler } from './sampler.js';

const config = loadSamplerConfig();
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const code = await runStageProcess({
  name: 'sampler',
  env: config,
  backendUrls: config.LLM_BASE_URL,
  create: async ({ platform, logger, metrics }) =>
    new Sampler({
      ...platform,
      catalog,
      // A request carries n sequences (5 by default).
      pool: await createInferencePool(poolSettingsFromEnv(config, { baseUrls: config.LLM_BASE_URL, sequencesPerRequest: 5, logger, onCall: metrics.onCall })),
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
