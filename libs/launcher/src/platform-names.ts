export const STAGE_NAMES = ['generator', 'solver', 'sampler', 'reward', 'tagger'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
export const SERVICE_NAMES = [...STAGE_NAMES, 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** The components that are Node programs of this repository (each a bundle of `npm run build`). */
export const NODE_COMPONENTS = [...SERVICE_NAMES, 'llm-sim'] as const;
export type NodeComponent = (typeof NODE_COMPONENTS)[number];
