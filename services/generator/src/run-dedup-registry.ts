import type { AnyRecord } from '@magpie/contracts';
import { NearDuplicateIndex } from './filters/near-duplicate-index.js';

export interface RunDedupRegistryOptions {
  /** The problems a run has stored so far (the record log's readStored). */
  readonly storedProblems: (runId: string) => AsyncIterable<{ readonly record: AnyRecord }>;
  /** Runs whose index stays in memory; the least recently used is dropped beyond this. */
  readonly maxRuns?: number;
}

/**
 * One near-duplicate index per run, built on first use from the problems the run already stored
 * (so a restarted generator still rejects twins of earlier problems), then kept up to date as
 * this process accepts problems. Replicas each hold their own index; see the README.
 */
export class RunDedupRegistry {
  readonly #o: RunDedupRegistryOptions;
  readonly #indexes = new Map<string, Promise<NearDuplicateIndex>>();

  constructor(options: RunDedupRegistryOptions) {
    this.#o = options;
  }

  /** The run's index; concurrent callers share one rebuild. */
  index(runId: string, threshold: number): Promise<NearDuplicateIndex> {
    const existing = this.#indexes.get(runId);
    if (existing) {
      // Re-insert to mark it most recently used.
      this.#indexes.delete(runId);
      this.#indexes.set(runId, existing);
      return existing;
    }
    const built = this.#rebuild(runId, threshold);
    built.catch(() => this.#indexes.delete(runId));
    this.#indexes.set(runId, built);
    const maxRuns = this.#o.maxRuns ?? 32;
    while (this.#indexes.size > maxRuns) {
      const oldest = this.#indexes.keys().next().value;
      if (oldest === undefined) break;
      this.#indexes.delete(oldest);
    }
    return built;
  }

  async #rebuild(runId: string, threshold: number): Promise<NearDuplicateIndex> {
    const index = new NearDuplicateIndex(threshold);
    for await (const { record } of this.#o.storedProblems(runId)) {
      if (record.kind === 'problem') index.add(record.instruction, record.recordId);
    }
    return index;
  }
}
