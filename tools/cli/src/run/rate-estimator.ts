import type { RecordCounts, RecordKind } from '@magpie/contracts';

/** How far back rates look: long enough to smooth bursts, short enough to follow a slowdown. */
const WINDOW_MS = 30_000;

export interface StageRates {
  /** Records per second per stage over the window; 0 until two readings differ. */
  readonly perSecond: Readonly<RecordCounts>;
  /** Seconds until every stage reaches `total` at its current rate; undefined while a stage that is not done has no rate. */
  readonly etaSeconds: number | undefined;
}

const KINDS = ['problem', 'solution', 'samples', 'rewards'] as const satisfies readonly RecordKind[];
/** Every kind has a rate; tags count towards the ETA once the first is stored (only runs with the tags stage have any). */
const RATE_KINDS = [...KINDS, 'tags'] as const satisfies readonly RecordKind[];

/** Estimates per-stage rates and the ETA from successive count readings. */
export class RateEstimator {
  readonly #total: number;
  readonly #readings: { atMs: number; counts: RecordCounts }[] = [];

  constructor(total: number) {
    this.#total = total;
  }

  add(counts: Readonly<RecordCounts>, atMs: number): StageRates {
    this.#readings.push({ atMs, counts: { ...counts } });
    while (this.#readings.length > 2 && atMs - (this.#readings[1]?.atMs ?? atMs) >= WINDOW_MS) this.#readings.shift();
    const first = this.#readings[0];
    const seconds = first ? (atMs - first.atMs) / 1000 : 0;
    const perSecond = Object.fromEntries(
      RATE_KINDS.map((kind) => [kind, first && seconds > 0 ? Math.max(0, counts[kind] - first.counts[kind]) / seconds : 0]),
    ) as RecordCounts;
    let etaSeconds: number | undefined = 0;
    for (const kind of counts.tags > 0 ? RATE_KINDS : KINDS) {
      const left = this.#total - counts[kind];
      if (left <= 0) continue;
      const rate = perSecond[kind];
      etaSeconds = rate > 0 && etaSeconds !== undefined ? Math.max(etaSeconds, left / rate) : undefined;
    }
    return { perSecond, etaSeconds };
  }
}

/** `42s`, `3m05s`, `1h02m`; `unknown` for undefined. */
export function formatDuration(seconds: number | undefined, unknown: string): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return unknown;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A rate with a precision that suits its size: `12`, `3.4`, `0.25`. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 10) return perSecond.toFixed(0);
  if (perSecond >= 1) return perSecond.toFixed(1);
  return perSecond.toFixed(2);
}
