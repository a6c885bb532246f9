import { createInferencePool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadSolverConfig } from './config.js';
import { solverStage } from './solver-stage.js';

stageMain({
  name: 'solver',
  loadConfig: loadSolverConfig,
  backend: { create: createInferencePool, baseUrls: (config) => config.LLM_BASE_URL },
  stages: ({ catalog }) => [solverStage({ catalog })],
});
