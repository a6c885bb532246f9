import { Streams } from './subjects.js';

/** The stages of the pipeline, in the order work flows through them (the tagger only for runs with tags). */
export const PIPELINE_STAGES = ['generator', 'solver', 'sampler', 'reward', 'tagger'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** A durable pull consumer: the stream it reads and its name. */
export interface StageConsumer {
  readonly stream: string;
  readonly durable: string;
}

/**
 * The durable consumers each stage pulls from, by the names the stage definitions give them. The
 * chart's KEDA triggers and configs/nats's permissions name the same ones (the deploy tests check
 * the chart against this list); the fleet view reads their lag. The generator plans runs from RUNS
 * and fills slot tasks from GEN_TASKS; the reward stage scores samples and joins solutions.
 */
export const STAGE_CONSUMERS: Readonly<Record<PipelineStage, readonly StageConsumer[]>> = {
  generator: [
    { stream: Streams.runs.name, durable: 'generator-planner' },
    { stream: Streams.genTasks.name, durable: 'generator-tasks' },
  ],
  solver: [{ stream: Streams.records.name, durable: 'solver' }],
  sampler: [{ stream: Streams.records.name, durable: 'sampler' }],
  reward: [
    { stream: Streams.records.name, durable: 'reward' },
    { stream: Streams.records.name, durable: 'reward-solutions' },
  ],
  tagger: [{ stream: Streams.records.name, durable: 'tagger' }],
};
