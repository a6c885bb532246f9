import { z } from 'zod';

/** Run ids are single NATS subject tokens and KV keys: letters, digits, '-' and '_' only. */
export const RunId = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');
export type RunId = z.infer<typeof RunId>;

/** The pipeline stages that call an inference backend (the tagger only for runs with tags). */
export const Stage = z.enum(['generator', 'solver', 'sampler', 'reward', 'tagger']);
export type Stage = z.infer<typeof Stage>;

/** Token usage as reported by the backend's `usage` object. */
export const TokenUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

/** Why a generation stopped, as vLLM reports it. */
export const FinishReason = z.enum(['stop', 'length', 'abort', 'unknown']);
export type FinishReason = z.infer<typeof FinishReason>;

/** ISO-8601 timestamp string. */
export const IsoTime = z.iso.datetime();
