import { KvBucket, type NatsConnection } from '@magpie/bus';
import { PauseNote, PlatformBuckets, PlatformKeys, type Stage } from '@magpie/contracts';

/** A note not refreshed for this long is stale: its writer stopped (resumed, or died). */
const STALE_MS = 30_000;
/** The server drops notes after this long, whoever wrote them. */
const NOTE_TTL_MS = 60_000;
/** Readers (every GetRun, every stage's status check) share one read per this long. */
const CACHE_MS = 1_000;

/**
 * Why the platform is paused, for people: a stage that cannot store its output because the NATS
 * store is full says so here, and GetRun shows it as the `reason` of every running run. The
 * bucket is memory-backed, so the note can be written while the file store is full.
 */
export class PauseNotes {
  readonly #kv: KvBucket;
  #cached: { note: PauseNote | undefined; at: number } | undefined;

  private constructor(kv: KvBucket) {
    this.#kv = kv;
  }

  /** Creates the bucket if needed (idempotent) and binds to it. */
  static async open(nc: NatsConnection): Promise<PauseNotes> {
    return new PauseNotes(await KvBucket.open(nc, PlatformBuckets.notes, { history: 1, storage: 'memory', ttlMs: NOTE_TTL_MS }));
  }

  /** The current store-full note, or undefined when there is none (or only a stale one). */
  async storeFull(): Promise<PauseNote | undefined> {
    const now = Date.now();
    if (this.#cached && now - this.#cached.at < CACHE_MS) return this.#cached.note;
    const entry = await this.#kv.get(PlatformKeys.storeFull);
    const parsed = entry ? PauseNote.safeParse(entry.json()) : undefined;
    const note = parsed?.success && now - Date.parse(parsed.data.updatedAt) < STALE_MS ? parsed.data : undefined;
    this.#cached = { note, at: now };
    return note;
  }

  /** Writes (or refreshes) the note; call again every few seconds while the pause lasts. */
  async setStoreFull(stage: Stage, message: string, since: Date): Promise<void> {
    const note: PauseNote = { schemaVersion: 1, stage, message: message.slice(0, 1024), since: since.toISOString(), updatedAt: new Date().toISOString() };
    await this.#kv.put(PlatformKeys.storeFull, JSON.stringify(PauseNote.parse(note)));
    this.#cached = undefined;
  }

  async clearStoreFull(): Promise<void> {
    await this.#kv.delete(PlatformKeys.storeFull);
    this.#cached = undefined;
  }
}
