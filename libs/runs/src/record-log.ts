import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { AnyRecord, RecordKind, RejectionReason, Streams, Subjects, type RecordCounts } from '@magpie/contracts';

export interface RecordLogOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

export interface ReadOptions {
  /** Only records of this kind; all kinds when omitted. */
  readonly kind?: RecordKind;
  /** Stream sequence of the last record already seen; 0 replays from the start. */
  readonly fromCursor: number;
  /** Resolves true once the run can produce no more records. */
  readonly isFinished: () => Promise<boolean>;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
}

export interface CursorRecord {
  /** The record's RECORDS stream sequence: resuming from it continues right after this record. */
  readonly cursor: number;
  readonly record: AnyRecord;
}

/** Reads the RECORDS stream: per-run counts without counters, and ordered replay-then-follow. */
export class RecordLog {
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;

  constructor(options: RecordLogOptions) {
    this.#js = options.js;
    this.#jsm = options.jsm;
  }

  /**
   * Records per kind for a run, read from the stream's per-subject counts. Deduplicated
   * publishes are never counted twice, so this is exact.
   */
  async counts(runId: string): Promise<RecordCounts> {
    const info = await this.#jsm.streams.info(Streams.records.name, { subjects_filter: Subjects.recordsOfRun(runId) });
    const counts: RecordCounts = { problem: 0, solution: 0, samples: 0, rewards: 0 };
    for (const kind of RecordKind.options) counts[kind] = info.state.subjects?.[Subjects.record(runId, kind)] ?? 0;
    return counts;
  }

  /** Dead letters stored for a run, all stages together. */
  async deadLetterCount(runId: string): Promise<number> {
    const info = await this.#jsm.streams.info(Streams.dlq.name, { subjects_filter: Subjects.deadLettersOfRun(runId) });
    return Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
  }

  /** Dropped instructions of a run by reason, read from the REJECTIONS stream's subject counts. */
  async rejectionCounts(runId: string): Promise<Partial<Record<RejectionReason, number>>> {
    const info = await this.#jsm.streams.info(Streams.rejections.name, { subjects_filter: Subjects.rejectionsOfRun(runId) });
    const counts: Partial<Record<RejectionReason, number>> = {};
    for (const reason of RejectionReason.options) {
      const n = info.state.subjects?.[Subjects.rejection(runId, reason)];
      if (n) counts[reason] = n;
    }
    return counts;
  }

  /**
   * Yields every record of one kind stored for a run right now, in stream order, then returns.
   * Reads exactly the stored count, so it never waits for a fetch to expire.
   */
  async *readStored(runId: string, kind: RecordKind): AsyncGenerator<CursorRecord> {
    const total = (await this.counts(runId))[kind];
    if (total === 0) return;
    const consumer = await this.#js.consumers.get(Streams.records.name, { filter_subjects: [Subjects.record(runId, kind)], deliver_policy: DeliverPolicy.All });
    let seen = 0;
    while (seen < total) {
      const batch = await consumer.fetch({ max_messages: Math.min(1_000, total - seen), expires: 5_000 });
      let delivered = 0;
      for await (const msg of batch) {
        delivered++;
        seen++;
        const parsed = AnyRecord.safeParse(msg.json());
        if (parsed.success) yield { cursor: msg.seq, record: parsed.data };
        if (seen >= total) break;
      }
      if (delivered === 0) return;
    }
  }

  /**
   * Yields the run's records after `fromCursor` in stream order, then follows new ones until the
   * run is finished and everything stored before that was yielded. Stops early on `signal`.
   * Pulling happens only when the caller asks for the next record, so a slow reader holds at
   * most one batch in memory.
   */
  async *read(runId: string, options: ReadOptions): AsyncGenerator<CursorRecord> {
    const consumer = await this.#js.consumers.get(Streams.records.name, {
      filter_subjects: [options.kind ? Subjects.record(runId, options.kind) : Subjects.recordsOfRun(runId)],
      ...(options.fromCursor > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.fromCursor + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
    while (!options.signal?.aborted) {
      // Checked before the fetch: the run turns terminal only after its last record is stored,
      // so an empty fetch that started after that means nothing is left.
      const finishedBefore = await options.isFinished();
      const batch = await consumer.fetch({ max_messages: options.batchSize ?? 256, expires: 1_000 });
      let delivered = 0;
      for await (const msg of batch) {
        delivered++;
        const parsed = AnyRecord.safeParse(msg.json());
        // Every record was validated on publish; a record that fails here was written by a newer
        // schema version this reader does not know, so it is skipped rather than misread.
        if (parsed.success) yield { cursor: msg.seq, record: parsed.data };
        if (options.signal?.aborted) return;
      }
      if (delivered === 0 && finishedBefore) return;
    }
  }
}
