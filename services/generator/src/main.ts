import { createInferencePool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadGeneratorConfig } from './config.js';
import { loadDecontaminator } from './decontamination/load-decontaminator.js';
import { EmbeddingClient } from './dedup/embedding-client.js';
import { KvDedupLog } from './dedup/dedup-log-store.js';
import { SharedDedupIndex } from './dedup/shared-dedup-index.js';
import { plannerStage } from './planner-stage.js';
import { taskStage } from './task-stage.js';

stageMain({
  name: 'generator',
  loadConfig: loadGeneratorConfig,
  backend: { create: createInferencePool, baseUrls: (config) => config.LLM_BASE_URL },
  stages: async ({ config, catalog, nc, logger }) => {
    const embeddingUrls = config.EMBEDDING_BASE_URL.length > 0 ? config.EMBEDDING_BASE_URL : config.LLM_BASE_URL;
    const dedup = new SharedDedupIndex({
      log: await KvDedupLog.open(nc, { retentionMs: config.RETENTION_MS }),
      embedder: new EmbeddingClient({ baseUrls: embeddingUrls, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS }),
    });
    const decontaminator = loadDecontaminator(config.DECONTAMINATION_DIR, logger);
    return [
      plannerStage({ catalog, slotsPerTask: config.SLOTS_PER_TASK }),
      taskStage({ catalog, dedup, decontaminator, maxAttempts: config.MAX_ATTEMPTS_PER_TASK, slotsPerTask: config.SLOTS_PER_TASK }),
    ];
  },
});
