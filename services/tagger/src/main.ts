import { createInferencePool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadTaggerConfig } from './config.js';
import { taggerStage } from './tagger-stage.js';

stageMain({
  name: 'tagger',
  loadConfig: loadTaggerConfig,
  backend: { create: createInferencePool, baseUrls: (config) => config.LLM_BASE_URL },
  stages: () => [taggerStage()],
});
