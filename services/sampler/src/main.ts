import { createAnswerChecker } from '@magpie/answers';
import { createInferencePool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadSamplerConfig } from './config.js';
import { samplerStage } from './sampler-stage.js';

stageMain({
  name: 'sampler',
  loadConfig: loadSamplerConfig,
  backend: { create: createInferencePool, baseUrls: (config) => config.LLM_BASE_URL },
  stages: ({ catalog }) => [samplerStage({ catalog, checker: createAnswerChecker() })],
});
