import { GenerationTask, MsgIds, Subjects, type RunRequested } from '@magpie/contracts';
import type { Publisher } from '@magpie/bus';
import type { RunTracker } from '@magpie/runs';
import type { Logger } from '@magpie/logging';
import type { Catalog } from '@magpie/catalog';

export interface PlanRunDeps {
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly logger: Logger;
  readonly catalog: Catalog;
  /** Upper bound on problem slots per task. */
  readonly slotsPerTask: number;
}

/**
 * Slots per task for a run: at most `maxSlots`, and small enough that every subtopic gets at
 * least one task (each task steers one subtopic), so a 50-problem run covers all five.
 */
export function slotsPerTaskFor(count: number, subtopics: number, maxSlots: number): number {
  return Math.max(1, Math.min(maxSlots, Math.ceil(count / Math.max(1, subtopics))));
}

/**
 * Splits a requested run into generation tasks covering slots [0, count). Task ids are
 * deterministic, so a redelivered request republishes the same tasks and JetStream drops them.
 */
export async function planRun(event: RunRequested, deps: PlanRunDeps): Promise<void> {
  if (!(await deps.tracker.isActive(event.runId))) {
    deps.logger.info({ runId: event.runId }, 'run no longer active; not planning');
    return;
  }
  const { count } = event.spec;
  const subtopics = event.spec.subtopics.length || deps.catalog.domains.get(event.spec.domain).subtopics.length;
  const perTask = slotsPerTaskFor(count, subtopics, deps.slotsPerTask);
  const tasks = Math.ceil(count / perTask);
  const publishes: Promise<unknown>[] = [];
  for (let taskIndex = 0; taskIndex < tasks; taskIndex++) {
    const slotStart = taskIndex * perTask;
    const task: GenerationTask = {
      schemaVersion: 1,
      runId: event.runId,
      taskIndex,
      slotStart,
      slotCount: Math.min(perTask, count - slotStart),
    };
    publishes.push(deps.publisher.publish(Subjects.genTask(event.runId), GenerationTask, task, MsgIds.genTask(event.runId, taskIndex)));
  }
  await Promise.all(publishes);
  deps.logger.info({ runId: event.runId, count, tasks }, 'run planned');
}
