import type { KvBucket } from '@magpie/bus';
import { DatasetExportLock } from '@magpie/contracts';

export interface ExportBuildLocksOptions {
  readonly kv: KvBucket;
  /** This replica's name in the locks it takes. */
  readonly owner: string;
  /** A lock not renewed for this long is taken over (its builder died). */
  readonly staleLockMs: number;
}

/** A run's build lock held by this replica, renewed until released; `lost` aborts when another replica took it over. */
export interface HeldBuildLock {
  readonly lost: AbortSignal;
  release(): void;
}

const lockKey = (runId: string): string => `lock.${runId}`;

/**
 * The build locks of dataset exports (`lock.<runId>` in the exports bucket): exactly one replica
 * builds a run's files. A holder renews its lock every quarter of `staleLockMs` for as long as it
 * builds (a build that follows a run lasts as long as the run), so a lock older than that means
 * its builder died and another replica may take it over.
 */
export class ExportBuildLocks {
  readonly #o: ExportBuildLocksOptions;

  constructor(options: ExportBuildLocksOptions) {
    this.#o = options;
  }

  /** The lock, when this replica now holds it (new, taken over from a dead builder, or its own already); undefined otherwise. */
  async acquire(runId: string): Promise<HeldBuildLock | undefined> {
    const revision = await this.#take(runId);
    return revision === undefined ? undefined : this.#hold(runId, revision);
  }

  #lockText(): string {
    return JSON.stringify(DatasetExportLock.parse({ schemaVersion: 1, owner: this.#o.owner, lockedAt: new Date().toISOString() }));
  }

  async #take(runId: string): Promise<number | undefined> {
    try {
      return await this.#o.kv.create(lockKey(runId), this.#lockText());
    } catch {
      const held = await this.#o.kv.get(lockKey(runId));
      if (!held) return undefined;
      const parsed = DatasetExportLock.safeParse(held.json());
      const age = parsed.success ? Date.now() - Date.parse(parsed.data.lockedAt) : Infinity;
      if (parsed.success && parsed.data.owner !== this.#o.owner && age < this.#o.staleLockMs) return undefined;
      return this.#o.kv.update(lockKey(runId), this.#lockText(), held.revision).then(
        (revision) => revision,
        () => undefined,
      );
    }
  }

  #hold(runId: string, firstRevision: number): HeldBuildLock {
    const lost = new AbortController();
    let revision = firstRevision;
    let renewing: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(async () => {
        if (lost.signal.aborted) return;
        try {
          revision = await this.#o.kv.update(lockKey(runId), this.#lockText(), revision);
        } catch (cause) {
          // Someone wrote the lock in between: a replica took it over, so this build must stop.
          // A NATS outage lands here too; the takeover it may allow is safe, as only one manifest is ever stored.
          clearInterval(timer);
          lost.abort(new Error(`the build lock of run ${runId} was lost`, { cause }));
        }
      });
    }, Math.max(10, Math.floor(this.#o.staleLockMs / 4)));
    timer.unref();
    return {
      lost: lost.signal,
      release: () => clearInterval(timer),
    };
  }
}
