import { decodeMsPerToken, type TimingParams } from './timing-params.js';

/** One request as the scheduler sees it. */
export interface ScheduledJob {
  /** Prompt tokens to prefill (after any prefix-cache hit). */
  readonly promptTokens: number;
  /** This request's model timing (prefill and decode costs); the scheduler's own params when omitted. maxNumSeqs is always the engine's. */
  readonly timing?: TimingParams;
  /** Prefill once for all the request's sequences, as vLLM does for n > 1 (prefix caching on); otherwise each sequence prefills. */
  readonly sharedPrefill?: boolean;
  /** Output tokens of each sequence (one per choice). Empty for a prefill-only (scoring) request, which runs as one sequence. */
  readonly sequenceTokens: readonly number[];
  /** Called once, when the first of the job's sequences gets a slot. */
  readonly onStart?: () => void;
  /** Called for each sequence that gets a slot, and for each that finishes: vLLM counts sequences (n > 1 runs as n requests). */
  readonly onAdmit?: () => void;
  readonly onRetire?: () => void;
  /** vLLM's request priority, lower first; it orders the queue only under the `priority` policy. Default 0. */
  readonly priority?: number;
}

/**
 * vLLM's `--scheduling-policy`: `fcfs` admits waiting sequences in arrival order; `priority` by
 * request priority (lower first), arrival order among equals.
 */
export const SCHEDULING_POLICIES = ['fcfs', 'priority'] as const;
export type SchedulingPolicy = (typeof SCHEDULING_POLICIES)[number];

/** When a job's phases ended, in wall seconds since it arrived. */
export interface JobTiming {
  readonly queueSeconds: number;
  readonly timeToFirstTokenSeconds: number;
  readonly e2eSeconds: number;
}

/** Cumulative accounting for utilisation: utilisation = busySlotSeconds / (maxNumSeqs × simulatedSeconds). */
export interface SchedulerStats {
  readonly requests: number;
  readonly sequences: number;
  readonly maxNumSeqs: number;
  readonly timeScale: number;
  readonly runningSeqs: number;
  readonly waitingSeqs: number;
  /** The most sequences ever waiting at once. */
  readonly queuePeak: number;
  /** Σ over sequences of their time in a slot, in simulated (A100) seconds; includes running sequences so far. */
  readonly busySlotSeconds: number;
  /** The same in wall seconds (busySlotSeconds / timeScale). */
  readonly busySlotWallSeconds: number;
  /** Wall seconds since the scheduler was created. */
  readonly wallSeconds: number;
  /** wallSeconds × timeScale. */
  readonly simulatedSeconds: number;
}

export interface BatchSchedulerOptions {
  readonly params: TimingParams;
  /** Simulated milliseconds per wall millisecond; 0 means every job finishes at once. */
  readonly timeScale: number;
  /** Default `fcfs`, as vLLM's. */
  readonly policy?: SchedulingPolicy;
  /** Wall clock in milliseconds; performance.now by default. */
  readonly nowMs?: () => number;
}

interface JobState {
  readonly job: ScheduledJob;
  readonly timing: TimingParams;
  /** The prefill left of a shared-prefill job; its sequences decode only once it is 0. */
  sharedPrefillLeftMs: number;
  readonly arrivedWallMs: number;
  seqsLeft: number;
  startedWallMs: number | undefined;
  firstTokenWallMs: number | undefined;
  readonly resolve: (timing: JobTiming) => void;
}

interface Sequence {
  readonly owner: JobState;
  prefillLeftMs: number;
  readonly tokensTotal: number;
  tokensLeft: number;
  admittedSimMs: number;
}

function priorityOf(seq: Sequence, policy: SchedulingPolicy): number {
  return policy === 'priority' ? (seq.owner.job.priority ?? 0) : 0;
}

/** Below this, remaining work counts as done (float error from many partial advances). */
const EPSILON = 1e-6;

/**
 * A continuous-batching model of one vLLM engine. Every sequence needs one of `maxNumSeqs` slots and
 * waits in a queue (FIFO, or by request priority under the `priority` policy) until one frees. In a slot it first prefills (promptTokens ×
 * prefillMsPerToken, once for all of a request's sequences when its prefill is shared), then
 * decodes its tokens, each taking decodeBaseMs + decodeMsPerRunningSeq × (sequences running now)
 * with its own model's costs — recomputed whenever the batch changes, so the model is exact between
 * events. Simulated time runs `timeScale` times faster than wall time.
 */
export class BatchScheduler {
  readonly #params: TimingParams;
  readonly #timeScale: number;
  readonly #policy: SchedulingPolicy;
  readonly #now: () => number;
  readonly #createdWallMs: number;
  readonly #waiting: Sequence[] = [];
  readonly #running: Sequence[] = [];
  #lastWallMs: number;
  #simMs = 0;
  #completedBusySimMs = 0;
  #requests = 0;
  #sequences = 0;
  #queuePeak = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: BatchSchedulerOptions) {
    this.#params = options.params;
    this.#timeScale = options.timeScale;
    this.#policy = options.policy ?? 'fcfs';
    this.#now = options.nowMs ?? (() => performance.now());
    this.#createdWallMs = this.#now();
    this.#lastWallMs = this.#createdWallMs;
  }

  get maxNumSeqs(): number {
    return this.#params.maxNumSeqs;
  }

  get runningSeqs(): number {
    return this.#running.length;
  }

  get waitingSeqs(): number {
    return this.#waiting.length;
  }

  /** Queues a job and resolves when its last sequence finishes. Never rejects. */
  run(job: ScheduledJob): Promise<JobTiming> {
    this.#requests += 1;
    const lengths = job.sequenceTokens.length > 0 ? job.sequenceTokens : [0];
    this.#sequences += lengths.length;
    if (this.#timeScale === 0) {
      job.onStart?.();
      for (const _ of lengths) {
        job.onAdmit?.();
        job.onRetire?.();
      }
      return Promise.resolve({ queueSeconds: 0, timeToFirstTokenSeconds: 0, e2eSeconds: 0 });
    }
    return new Promise((resolve) => {
      this.#advance();
      const timing = job.timing ?? this.#params;
      const prefillMs = job.promptTokens * timing.prefillMsPerToken;
      const shared = job.sharedPrefill === true;
      const owner: JobState = { job, timing, sharedPrefillLeftMs: shared ? prefillMs : 0, arrivedWallMs: this.#lastWallMs, seqsLeft: lengths.length, startedWallMs: undefined, firstTokenWallMs: undefined, resolve };
      const queued = lengths.map((tokens) => ({ owner, prefillLeftMs: shared ? 0 : prefillMs, tokensTotal: Math.max(0, tokens), tokensLeft: Math.max(0, tokens), admittedSimMs: 0 }));
      this.#enqueue(queued, this.#policy === 'priority' ? (job.priority ?? 0) : 0);
      this.#queuePeak = Math.max(this.#queuePeak, this.#waiting.length);
      this.#settle();
    });
  }

  /** A snapshot of the accounting. */
  stats(): SchedulerStats {
    this.#advance();
    const running = this.#running.reduce((sum, s) => sum + (this.#simMs - s.admittedSimMs), 0);
    const busySimMs = this.#completedBusySimMs + running;
    const wallSeconds = (this.#now() - this.#createdWallMs) / 1000;
    return {
      requests: this.#requests,
      sequences: this.#sequences,
      maxNumSeqs: this.#params.maxNumSeqs,
      timeScale: this.#timeScale,
      runningSeqs: this.#running.length,
      waitingSeqs: this.#waiting.length,
      queuePeak: this.#queuePeak,
      busySlotSeconds: busySimMs / 1000,
      busySlotWallSeconds: this.#timeScale === 0 ? 0 : busySimMs / 1000 / this.#timeScale,
      wallSeconds,
      simulatedSeconds: wallSeconds * this.#timeScale,
    };
  }

  /** Moves every running sequence forward to the current wall time at the current batch size. */
  #advance(): void {
    const nowWall = this.#now();
    const elapsedSim = (nowWall - this.#lastWallMs) * this.#timeScale;
    if (elapsedSim <= 0) return;
    // A shared prefill progresses once per interval, however many of its sequences hold slots.
    const sharedUsed = new Map<JobState, number>();
    for (const seq of this.#running) if (!sharedUsed.has(seq.owner)) sharedUsed.set(seq.owner, Math.min(elapsedSim, seq.owner.sharedPrefillLeftMs));
    for (const seq of this.#running) {
      const decodeMs = decodeMsPerToken(seq.owner.timing, this.#running.length);
      const shared = sharedUsed.get(seq.owner) ?? 0;
      let left = elapsedSim - shared;
      let at = shared;
      if (seq.prefillLeftMs > 0) {
        const used = Math.min(left, seq.prefillLeftMs);
        seq.prefillLeftMs -= used;
        left -= used;
        at += used;
      }
      if (left <= 0 || seq.tokensLeft <= 0) continue;
      // Tokens still to decode before the first one is out; its exact time within this interval is the TTFT.
      const untilFirst = seq.tokensLeft - (seq.tokensTotal - 1);
      seq.tokensLeft -= left / decodeMs;
      if (untilFirst > 0 && untilFirst * decodeMs <= left + EPSILON) {
        const firstTokenWall = this.#lastWallMs + (at + untilFirst * decodeMs) / this.#timeScale;
        seq.owner.firstTokenWallMs = Math.min(seq.owner.firstTokenWallMs ?? Infinity, firstTokenWall);
      }
    }
    for (const [owner, used] of sharedUsed) owner.sharedPrefillLeftMs -= used;
    this.#simMs += elapsedSim;
    this.#lastWallMs = nowWall;
  }

  /** Simulated ms until `seq` is done at the current batch size. */
  #remainingMs(seq: Sequence): number {
    return seq.owner.sharedPrefillLeftMs + seq.prefillLeftMs + Math.max(0, seq.tokensLeft) * decodeMsPerToken(seq.owner.timing, this.#running.length);
  }

  #done(seq: Sequence): boolean {
    return seq.owner.sharedPrefillLeftMs <= EPSILON && seq.prefillLeftMs <= EPSILON && seq.tokensLeft <= EPSILON;
  }

  /** Retires finished sequences, admits waiting ones into free slots and sets the next timer. */
  #settle(): void {
    for (let i = this.#running.length - 1; i >= 0; i--) {
      const seq = this.#running[i] as Sequence;
      if (!this.#done(seq)) continue;
      this.#running.splice(i, 1);
      this.#completedBusySimMs += this.#simMs - seq.admittedSimMs;
      seq.owner.job.onRetire?.();
      this.#finishSequence(seq.owner);
    }
    while (this.#running.length < this.#params.maxNumSeqs && this.#waiting.length > 0) {
      const seq = this.#waiting.shift() as Sequence;
      seq.admittedSimMs = this.#simMs;
      if (seq.owner.startedWallMs === undefined) {
        seq.owner.startedWallMs = this.#lastWallMs;
        seq.owner.job.onStart?.();
      }
      seq.owner.job.onAdmit?.();
      this.#running.push(seq);
    }
    // Zero-work sequences (empty prompt, no tokens) finish the moment they are admitted.
    if (this.#running.some((s) => this.#done(s))) return this.#settle();
    this.#schedule();
  }

  /** Queues a job's sequences behind every waiting sequence of the same or a lower priority value. */
  #enqueue(sequences: readonly Sequence[], priority: number): void {
    let at = this.#waiting.length;
    while (at > 0 && priorityOf(this.#waiting[at - 1] as Sequence, this.#policy) > priority) at--;
    this.#waiting.splice(at, 0, ...sequences);
  }

  #finishSequence(owner: JobState): void {
    owner.seqsLeft -= 1;
    if (owner.seqsLeft > 0) return;
    const end = this.#lastWallMs;
    const started = owner.startedWallMs ?? end;
    owner.resolve({
      queueSeconds: (started - owner.arrivedWallMs) / 1000,
      timeToFirstTokenSeconds: ((owner.firstTokenWallMs ?? end) - owner.arrivedWallMs) / 1000,
      e2eSeconds: (end - owner.arrivedWallMs) / 1000,
    });
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#running.length === 0) return;
    const nextSimMs = Math.min(...this.#running.map((s) => this.#remainingMs(s)));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#advance();
      this.#settle();
    }, nextSimMs / this.#timeScale);
  }
}
