import { configLoader, envInt } from '@magpie/config';
import { InferenceStageEnv } from '@magpie/stage';
import { z } from 'zod';

export const GeneratorConfig = z.object({
  ...InferenceStageEnv.shape,
  /** Problem slots one task fills; each attempt asks for the missing ones with `n` in one request. */
  SLOTS_PER_TASK: envInt(25, 1, 4_096),
  /** Requests per task before it fails and is retried by redelivery. */
  MAX_ATTEMPTS_PER_TASK: envInt(8, 1, 100),
  /**
   * Base URL(s), comma-separated, of the server(s) answering `/v1/embeddings` for runs with
   * embedding dedup (vLLM serving an embedding model); empty: LLM_BASE_URL.
   */
  EMBEDDING_BASE_URL: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /** A directory of benchmark JSONL files (MATH, GSM8K, AIME…) to decontaminate against; empty: none. */
  DECONTAMINATION_DIR: z.string().default(''),
});
export type GeneratorConfig = z.infer<typeof GeneratorConfig>;
export const loadGeneratorConfig = configLoader(GeneratorConfig);
