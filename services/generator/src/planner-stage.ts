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
      // A run over several domains is planned domain by domain: no task crosses a domain's slots.
      const parts = event.spec.domainMix ?? [{ domain: event.spec.domain, firstSlot: 0, count, subtopics: event.spec.subtopics }];
      const publishes: Promise<void>[] = [];
      let tasks = 0;
      for (const part of parts) {
        const subtopics = part.subtopics.length || deps.catalog.domains.get(part.domain).subtopics.length;
        const perTask = slotsPerTaskFor(part.count, subtopics, deps.slotsPerTask);
        for (let offset = 0; offset < part.count; offset += perTask) {
          const taskIndex = tasks++;
          const task: GenerationTask = { schemaVersion: 1, runId: event.runId, taskIndex, slotStart: part.firstSlot + offset, slotCount: Math.min(perTask, part.count - offset) };
          publishes.push(ctx.publish(Subjects.genTask(event.runId), GenerationTask, task, MsgIds.genTask(event.runId, taskIndex)));
        }
      }
      await Promise.all(publishes);
      ctx.logger.info({ runId: event.runId, count, tasks }, 'run planned');
    },
  });
}
