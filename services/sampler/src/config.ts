import { configLoader } from '@magpie/config';
import { InferenceStageEnv } from '@magpie/stage';

/** The sampler's settings: those of every stage that calls generation backends (libs/stage InferenceStageEnv). */
export const SamplerConfig = InferenceStageEnv;
export const loadSamplerConfig = configLoader(SamplerConfig);
