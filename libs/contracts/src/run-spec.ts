import { z } from 'zod';

/** Sampling settings for one stage; every field is explicit once a run is accepted. */
export const SamplingSettings = z.object({
  temperature: z.number().min(0).max(5),
  topP: z.number().gt(0).max(1),
  maxTokens: z.number().int().min(1).max(262_144),
});
export type SamplingSettings = z.infer<typeof SamplingSettings>;

/** One stage's backend model plus its sampling settings. */
export const StageSettings = z.object({
  model: z.string().min(1).max(256),
  sampling: SamplingSettings,
});
export type StageSettings = z.infer<typeof StageSettings>;

/**
 * The fully resolved specification of a domain run. The gateway fills every default before the
 * spec is stored, so stage services never apply defaults of their own.
 */
export const RunSpec = z.object({
  domain: z.string().min(1).max(64),
  /** Subtopics to steer towards; empty means all of the domain's subtopics, round-robin. */
  subtopics: z.array(z.string().min(1).max(128)).max(64),
  count: z.number().int().min(1),
  generator: StageSettings,
  solver: StageSettings,
  sampler: StageSettings.extend({ samplesPerProblem: z.number().int().min(2).max(16) }),
  reward: z.object({ model: z.string().min(1).max(256) }),
  /** Base seed; per-request seeds are derived from it so a rerun reproduces the same run. */
  seed: z.number().int().nonnegative().max(2 ** 31 - 1),
});
export type RunSpec = z.infer<typeof RunSpec>;
