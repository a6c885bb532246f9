import { configLoader } from '@magpie/config';
import { InferenceStageEnv } from '@magpie/stage';

/** The solver's settings: those of every stage that calls generation backends (libs/stage InferenceStageEnv). */
export const SolverConfig = InferenceStageEnv;
export const loadSolverConfig = configLoader(SolverConfig);
