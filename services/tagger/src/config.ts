import { configLoader } from '@magpie/config';
import { InferenceStageEnv } from '@magpie/stage';

/** The tagger's settings: those of every stage that calls generation backends (libs/stage InferenceStageEnv). */
export const TaggerConfig = InferenceStageEnv;
export const loadTaggerConfig = configLoader(TaggerConfig);
