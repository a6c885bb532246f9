import { createInferencePool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadGeneratorConfig } from './config.js';
import { plannerStage } from './planner-stage.js';
import { RunDedupRegistry } from './run-dedup-registry.js';
import { taskStage } from './task-stage.js';

stageMain({
  name: 'generator',
  loadConfig: loadGeneratorConfig,
  backend: { create: createInferencePool, baseUrls: (config) => config.LLM_BASE_URL },
  stages: ({ config, catalog, platform }) => [
    plannerStage({ catalog, slotsPerTask: config.SLOTS_PER_TASK }),
    taskStage({ catalog, dedup: new RunDedupRegistry({ storedProblems: (runId) => platform.log.readStored(runId, 'problem') }), maxAttempts: config.MAX_ATTEMPTS_PER_TASK, slotsPerTask: config.SLOTS_PER_TASK }),
  ],
});
