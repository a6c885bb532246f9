import type { Catalog } from '@magpie/catalog';
import { GenerationTask, MsgIds, RunRequested, Streams, Subjects } from '@magpie/contracts';
import { defineStage } from '@magpie/stage';

/**
 * Slots per task for a run: at most `maxSlots`, and small enough that every subtopic gets at
 * least one task (each task steers one subtopic), so a 50-problem run covers all five.
 */
export function slotsPerTaskFor(count: number, subtopics: number, maxSlots: number): number {
  return Math.max(1, Math.min(maxSlots, Math.ceil(count / Math.max(1, subtopics))));
}

export interface PlannerStageDeps {
  readonly catalog: Catalog;
  /** Upper bound on problem slots per task. */
  readonly slotsPerTask: number;
}

/**
 * The generator's planner: splits each requested run into generation tasks covering slots
 * [0, count). Task ids are deterministic, so a redelivered request republishes the same tasks and
 * JetStream drops them.
 */
export function plannerStage(deps: PlannerStageDeps) {
  return defineStage<RunRequested>({
    stage: 'generator',
    durable: 'generator-planner',
    stream: Streams.runs.name,
    filter: Subjects.runEventsOfKind('requested'),
    schema: RunRequested,
    // Planning only publishes tasks; a few at once keeps a burst of StartRuns moving.
    concurrency: { fixed: 4 },
    async handle(event, ctx) {
      const { count } = event.spec;
      const subtopics = event.spec.subtopics.length || deps.catalog.domains.get(event.spec.domain).subtopics.length;
      const perTask = slotsPerTaskFor(count, subtopics, deps.slotsPerTask);
      const tasks = Math.ceil(count / perTask);
      const publishes: Promise<void>[] = [];
      for (let taskIndex = 0; taskIndex < tasks; taskIndex++) {
        const slotStart = taskIndex * perTask;
        const task: GenerationTask = { schemaVersion: 1, runId: event.runId, taskIndex, slotStart, slotCount: Math.min(perTask, count - slotStart) };
        publishes.push(ctx.publish(Subjects.genTask(event.runId), GenerationTask, task, MsgIds.genTask(event.runId, taskIndex)));
      }
      await Promise.all(publishes);
      ctx.logger.info({ runId: event.runId, count, tasks }, 'run planned');
    },
  });
}
