import { loadCatalog } from '@magpie/catalog';
import { createInferencePool, poolSettingsFromEnv } from '@magpie/llm';
import { runStageProcess } from '@magpie/runs';
import { loadGeneratorConfig } from './config.js';
import { Generator } from './generator.js';

const config = loadGeneratorConfig();
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const code = await runStageProcess({
  name: 'generator',
  env: config,
  backendUrls: config.LLM_BASE_URL,
  create: async ({ platform, logger, metrics }) =>
    new Generator({
      ...platform,
      catalog,
      // Each request asks for up to SLOTS_PER_TASK completions (n), each a sequence on the backend.
      pool: await createInferencePool(
        poolSettingsFromEnv(config, { baseUrls: config.LLM_BASE_URL, sequencesPerRequest: config.SLOTS_PER_TASK, logger, onCall: metrics.onCall }),
      ),
      logger,
      metrics,
      settings: {
        ackWaitMs: config.ACK_WAIT_MS,
        maxDeliveries: config.MAX_DELIVERIES,
        retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
        slotsPerTask: config.SLOTS_PER_TASK,
        maxAttemptsPerTask: config.MAX_ATTEMPTS_PER_TASK,
      },
    }),
});
process.exit(code);
