import { GenerationTask, MsgIds, Subjects, type RunRequested } from '@magpie/contracts';
import type { Publisher } from '@magpie/bus';
import type { RunTracker } from '@magpie/runs';
import type { Logger } from '@magpie/logging';

export interface PlanRunDeps {
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly logger: Logger;
  readonly slotsPerTask: number;
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
  const tasks = Math.ceil(count / deps.slotsPerTask);
  const publishes: Promise<unknown>[] = [];
  for (let taskIndex = 0; taskIndex < tasks; taskIndex++) {
    const slotStart = taskIndex * deps.slotsPerTask;
    const task: GenerationTask = {
      schemaVersion: 1,
      runId: event.runId,
      taskIndex,
      slotStart,
      slotCount: Math.min(deps.slotsPerTask, count - slotStart),
    };
    publishes.push(deps.publisher.publish(Subjects.genTask(event.runId), GenerationTask, task, MsgIds.genTask(event.runId, taskIndex)));
  }
  await Promise.all(publishes);
  deps.logger.info({ runId: event.runId, count, tasks }, 'run planned');
}
