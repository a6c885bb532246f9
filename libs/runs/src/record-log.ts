import { StreamReader, isNatsError, sleep, subjectCounts, type JetStreamClient, type JetStreamManager, type StreamMessage } from '@magpie/bus';
import { AnyRecord, FlagReason, RecordKind, RejectionReason, Streams, Subjects, type RecordCounts, type RunCounts } from '@magpie/contracts';
import { readQualitySummary } from './quality-counts.js';

/** What a read's race against the run's end yields when the end comes first. */
const END_OF_RUN: unique symbol = Symbol('end of run');

export interface RecordLogOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

export interface ReadOptions {
  /** Only records of these kinds; all kinds when omitted or empty. */
  readonly kinds?: readonly RecordKind[];
  /** Stream sequence of the last record already seen; 0 replays from the start. */
  readonly fromCursor: number;
  /** Resolves true once the run can produce no more records. */
  readonly isFinished: () => Promise<boolean>;
  /**
   * Resolves once the run has ended (the gateway learns it from the runs bucket's change feed): a
   * fetch waiting for new records is then given up at once instead of at its expiry, and what is
   * stored is read to its last record.
   */
  readonly ended?: Promise<unknown>;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  /**
   * How long NATS may stay unreachable (or refuse the read) before the error is thrown; meanwhile
   * the reader is re-created after the last record yielded, so a NATS restart costs no record and
   * repeats none. Default 10 minutes.
   */
  readonly maxOutageMs?: number;
  /** Told about every re-created reader (NATS restarted or was unreachable). */
  readonly onResume?: (afterCursor: number, error: unknown) => void;
}

export interface CursorRecord {
  /** The record's RECORDS stream sequence: resuming from it continues right after this record. */
  readonly cursor: number;
  readonly record: AnyRecord;
}

/** Reads the RECORDS stream: a run's counts without counters, and ordered replay-then-follow. */
export class RecordLog {
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;

  constructor(options: RecordLogOptions) {
    this.#js = options.js;
    this.#jsm = options.jsm;
  }

  /**
   * The run's counts, read from the per-subject state of RECORDS, DLQ, REJECTIONS (rejections and
   * flags) and QUALITY (plus the values of its token counters). A deduplicated publish is never counted twice, so
   * they are exact.
   */
  async counts(runId: string): Promise<RunCounts> {
    const [records, deadLettered, rejections, flagged] = await Promise.all([
      this.recordCounts(runId),
      subjectCounts(this.#jsm, Streams.dlq.name, Subjects.deadLettersOfRun(runId)),
      subjectCounts(this.#jsm, Streams.rejections.name, Subjects.rejectionsOfRun(runId)),
      subjectCounts(this.#jsm, Streams.rejections.name, Subjects.flagsOfRun(runId)),
    ]);
    const byReason: RunCounts['rejections'] = {};
    for (const reason of RejectionReason.options) {
      const n = rejections[Subjects.rejection(runId, reason)];
      if (n) byReason[reason] = n;
    }
    const flags: RunCounts['flags'] = {};
    for (const flag of FlagReason.options) {
      const n = flagged[Subjects.flag(runId, flag)];
      if (n) flags[flag] = n;
    }
    const quality = await readQualitySummary(this.#jsm, runId, byReason, flags);
    return { records, deadLettered: Object.values(deadLettered).reduce((a, b) => a + b, 0), rejections: byReason, flags, quality };
  }

  /** Records per kind only: what a completion check needs, one stream read. */
  async recordCounts(runId: string): Promise<RecordCounts> {
    const subjects = await subjectCounts(this.#jsm, Streams.records.name, Subjects.recordsOfRun(runId));
    const counts: RecordCounts = { problem: 0, solution: 0, samples: 0, rewards: 0, tags: 0 };
    for (const kind of RecordKind.options) counts[kind] = subjects[Subjects.record(runId, kind)] ?? 0;
    return counts;
  }

  /**
   * The record stored at a RECORDS stream sequence (read from the stream leader), or undefined
   * when there is none or it is not a record this version can read. Throws when NATS cannot be asked.
   */
  async recordAt(sequence: number): Promise<AnyRecord | undefined> {
    const msg = await this.#jsm.streams.getMessage(Streams.records.name, { seq: sequence });
    if (!msg) return undefined;
    const parsed = AnyRecord.safeParse(msg.json());
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Yields every record of the given kinds (all kinds when omitted) stored for a run right now, in
   * stream order, then returns. Reads exactly the stored count, so it never waits for a fetch to
   * expire: what a finished run's export needs.
   */
  async *readStored(runId: string, kinds?: RecordKind | readonly RecordKind[]): AsyncGenerator<CursorRecord> {
    const wanted: readonly RecordKind[] = kinds === undefined ? RecordKind.options : typeof kinds === 'string' ? [kinds] : kinds;
    const counts = await this.recordCounts(runId);
    const total = wanted.reduce((sum, kind) => sum + counts[kind], 0);
    if (total === 0) return;
    const filter = wanted.length === RecordKind.options.length ? Subjects.recordsOfRun(runId) : wanted.map((kind) => Subjects.record(runId, kind));
    const reader = await StreamReader.open(this.#js, { stream: Streams.records.name, filter, afterSequence: 0 });
    let seen = 0;
    while (seen < total) {
      let delivered = 0;
      for await (const msg of reader.next(Math.min(1_000, total - seen), 5_000)) {
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
   * most one batch in memory. When NATS fails (a restart deletes the ordered consumer, a request
   * times out) the reader is re-created after the last cursor yielded, with backoff, for up to
   * `maxOutageMs`; only then is the error thrown.
   */
  async *read(runId: string, options: ReadOptions): AsyncGenerator<CursorRecord> {
    // Where the read stands: the last message consumed (yielded or skipped as unreadable), and how
    // many were consumed when the read began at the start of the log (undefined otherwise).
    const at: ReadPosition = { cursor: options.fromCursor, consumed: options.fromCursor === 0 ? 0 : undefined };
    let failingSince: number | undefined;
    let failures = 0;
    while (!options.signal?.aborted) {
      try {
        for await (const item of this.#readFrom(runId, at, options)) {
          failingSince = undefined;
          failures = 0;
          yield item;
        }
        return;
      } catch (err) {
        if (options.signal?.aborted) return;
        failingSince ??= Date.now();
        if (!isNatsError(err) || Date.now() - failingSince > (options.maxOutageMs ?? 600_000)) throw err;
        options.onResume?.(at.cursor, err);
        failures++;
        await sleep(Math.min(100 * 2 ** failures, 2_000));
      }
    }
  }

  async *#readFrom(runId: string, at: ReadPosition, options: ReadOptions): AsyncGenerator<CursorRecord> {
    const kinds = options.kinds?.length ? options.kinds : RecordKind.options;
    const filter = options.kinds?.length ? kinds.map((kind) => Subjects.record(runId, kind)) : Subjects.recordsOfRun(runId);
    let reader = await StreamReader.open(this.#js, { stream: Streams.records.name, filter, afterSequence: at.cursor });
    let ended = false;
    // One waiter at a time, woken by the run's end: racing each fetch against the promise itself
    // would leave a reaction on it per record for as long as the run runs.
    let wake: ((end: typeof END_OF_RUN) => void) | undefined;
    void options.ended?.then(() => {
      ended = true;
      wake?.(END_OF_RUN);
    });
    while (!options.signal?.aborted) {
      // Checked before the fetch: the run turns terminal only after its last record is stored,
      // so an empty fetch that started after that means nothing is left.
      const finishedBefore = ended || (await options.isFinished());
      if (finishedBefore && at.consumed !== undefined) {
        // How many are left is known: read exactly those, never waiting for a fetch to expire.
        yield* this.#readRest(reader, { runId, kinds, at, ...(options.signal ? { signal: options.signal } : {}) });
        return;
      }
      const batch = reader.next(options.batchSize ?? 256, 1_000)[Symbol.asyncIterator]();
      let delivered = 0;
      for (;;) {
        const step = ended && !finishedBefore
          ? END_OF_RUN
          : await new Promise<IteratorResult<StreamMessage> | typeof END_OF_RUN>((resolve, reject) => {
              if (!finishedBefore) wake = resolve;
              batch.next().then(resolve, reject);
            });
        wake = undefined;
        if (step === END_OF_RUN) {
          // The pending fetch is left to expire on its own; a new reader goes on after the last record consumed.
          void batch.return(undefined).catch(() => undefined);
          reader = await StreamReader.open(this.#js, { stream: Streams.records.name, filter, afterSequence: at.cursor });
          delivered = 1;
          break;
        }
        if (step.done) break;
        delivered++;
        const record = consume(step.value, at);
        if (record) yield record;
        if (options.signal?.aborted) return;
      }
      if (delivered === 0 && finishedBefore) return;
    }
  }

  /** Yields the rest of what is stored for the run's `kinds` now: their stored count less what `at` consumed. */
  async *#readRest(
    reader: StreamReader,
    { runId, kinds, at, signal }: { runId: string; kinds: readonly RecordKind[]; at: ReadPosition; signal?: AbortSignal },
  ): AsyncGenerator<CursorRecord> {
    const counts = await this.recordCounts(runId);
    const total = kinds.reduce((sum, kind) => sum + counts[kind], 0);
    while ((at.consumed ?? total) < total && !signal?.aborted) {
      let delivered = 0;
      for await (const msg of reader.next(Math.min(1_000, total - (at.consumed ?? total)), 5_000)) {
        delivered++;
        const record = consume(msg, at);
        if (record) yield record;
        if ((at.consumed ?? total) >= total || signal?.aborted) return;
      }
      if (delivered === 0) return;
    }
  }
}

interface ReadPosition {
  cursor: number;
  consumed: number | undefined;
}

/** Moves `at` past one message; the record it holds, or undefined for one this version cannot read. */
function consume(msg: StreamMessage, at: ReadPosition): CursorRecord | undefined {
  at.cursor = msg.seq;
  if (at.consumed !== undefined) at.consumed++;
  const parsed = AnyRecord.safeParse(msg.json());
  // Every record was validated on publish; a record that fails here was written by a newer
  // schema version this reader does not know, so it is skipped rather than misread.
  return parsed.success ? { cursor: msg.seq, record: parsed.data } : undefined;
}
