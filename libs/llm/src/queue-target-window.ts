export interface QueueTargetWindowOptions {
  readonly initial: number;
  readonly min: number;
  readonly max: number;
  /**
   * Sequences the replica may keep waiting. A few waiting sequences mean a slot that frees is
   * refilled at once; more only add latency. Stages that share a replica aim at different targets
   * (downstream higher), so when the replica is full the upstream stages yield first.
   */
  readonly targetWaiting: number;
  /**
   * Share of the queue error corrected per reading (default 0.5). Below 1 because every stage on a
   * replica reads the same queue: each correcting all of it would overshoot together.
   */
  readonly gain?: number;
}

/** A replica's queue as its /metrics reports it. */
export interface ReplicaQueue {
  readonly waiting: number;
  /** Absent when the server does not export it: then this pool's own sequences stand in for it. */
  readonly running: number | undefined;
}

/** What a pushback (429/503) multiplies the window by: the server said no, so back off hard. */
const PUSHBACK_FACTOR = 0.5;

/**
 * A concurrency window, in sequences, that steers a replica's queue to a small target instead of
 * halving whenever anything waits: a reading above the target shrinks the window by this pool's
 * share of the excess, a reading below it grows a window that is the limit by its share of the
 * room, and between readings each finished call grows it by the room the last reading showed
 * (one sequence per call on an empty queue, nothing at the target). Bounded by [min, max].
 */
export class QueueTargetWindow {
  readonly #o: Required<QueueTargetWindowOptions>;
  #size: number;
  #lastWaiting = 0;

  constructor(options: QueueTargetWindowOptions) {
    if (!(options.targetWaiting >= 0)) throw new RangeError(`targetWaiting must be ≥ 0, got ${options.targetWaiting}`);
    this.#o = { gain: 0.5, ...options };
    this.#size = this.#clamp(options.initial);
  }

  /** The current window, always an integer in [min, max]. */
  get size(): number {
    return Math.floor(this.#size);
  }

  get targetWaiting(): number {
    return this.#o.targetWaiting;
  }

  /** A call finished while the window was the limit. */
  grow(): void {
    const target = this.#o.targetWaiting;
    const room = target > 0 ? Math.max(0, target - this.#lastWaiting) / target : this.#lastWaiting === 0 ? 1 : 0;
    this.#size = this.#clamp(this.#size + room);
  }

  /**
   * One reading of the replica's queue. `outstanding` is this pool's sequences on the replica;
   * `limited` says whether the window held calls back since the last reading (only then is room a
   * reason to grow).
   */
  observe(queue: ReplicaQueue, outstanding: number, limited: boolean): void {
    this.#lastWaiting = queue.waiting;
    const error = this.#o.targetWaiting - queue.waiting;
    const total = (queue.running ?? outstanding) + queue.waiting;
    const share = total > 0 ? Math.min(1, outstanding / total) : 1;
    if (error < 0) this.#size = this.#clamp(this.#size + this.#o.gain * error * share);
    else if (limited && error > 0) this.#size = this.#clamp(this.#size + Math.max(1, this.#o.gain * error * share));
  }

  /** The replica refused work (429/503). */
  pushback(): void {
    this.#size = this.#clamp(this.#size * PUSHBACK_FACTOR);
  }

  #clamp(size: number): number {
    return Math.min(this.#o.max, Math.max(this.#o.min, size));
  }
}
