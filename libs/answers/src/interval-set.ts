import { scalarsEqual } from './compare-expressions.js';
import { imagPart, realPart } from './number-value.js';
import type { ScalarReading } from './scalar-reading.js';

/** One end of an interval: a constant or ±∞, and whether the end belongs to it. */
export interface Endpoint {
  readonly at: ScalarReading;
  readonly closed: boolean;
}

/** An interval of real numbers. */
export interface Interval {
  readonly lo: Endpoint;
  readonly hi: Endpoint;
}

/** A subset of ℝ as disjoint intervals in increasing order; [] is the empty set. */
export type IntervalSet = readonly Interval[];

export const REAL_LINE: IntervalSet = [
  { lo: { at: { kind: 'infinity', positive: false }, closed: false }, hi: { at: { kind: 'infinity', positive: true }, closed: false } },
];

/** The position of an endpoint on the real line, or undefined for a non-real or non-constant one. */
export function positionOf(at: ScalarReading): number | undefined {
  if (at.kind === 'infinity') return at.positive ? Infinity : -Infinity;
  if (at.kind !== 'number' || imagPart(at.value) !== 0) return undefined;
  const x = realPart(at.value);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * Sorts, drops empty intervals and merges overlapping or touching ones (`[1, 2) ∪ [2, 3]` = `[1, 3]`),
 * so that equal sets have equal lists. Undefined when an endpoint is not a real constant.
 */
export function normalizeIntervals(intervals: readonly Interval[]): IntervalSet | undefined {
  const placed: { interval: Interval; lo: number; hi: number }[] = [];
  for (const interval of intervals) {
    const lo = positionOf(interval.lo.at);
    const hi = positionOf(interval.hi.at);
    if (lo === undefined || hi === undefined) return undefined;
    if (lo > hi || (samePoint(interval.lo, interval.hi) && !(interval.lo.closed && interval.hi.closed))) continue;
    placed.push({ interval, lo, hi });
  }
  placed.sort((a, b) => a.lo - b.lo || Number(b.interval.lo.closed) - Number(a.interval.lo.closed));
  const merged: { interval: Interval; hi: number }[] = [];
  for (const next of placed) {
    const last = merged.at(-1);
    const touches = last && (next.lo < last.hi || (samePoint(next.interval.lo, last.interval.hi) && (next.interval.lo.closed || last.interval.hi.closed)));
    if (!last || !touches) {
      merged.push({ interval: next.interval, hi: next.hi });
      continue;
    }
    if (next.hi > last.hi || (samePoint(next.interval.hi, last.interval.hi) && next.interval.hi.closed)) {
      last.interval = { lo: last.interval.lo, hi: next.interval.hi };
      last.hi = next.hi;
    }
  }
  return merged.map((m) => m.interval);
}

/** The intersection of two normalised sets (for `x > 1 \text{ and } x < 3`). */
export function intersectIntervals(a: IntervalSet, b: IntervalSet): IntervalSet | undefined {
  const parts: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = tighter(x.lo, y.lo, 'lo');
      const hi = tighter(x.hi, y.hi, 'hi');
      if (lo && hi) parts.push({ lo, hi });
    }
  }
  return normalizeIntervals(parts);
}

/** True when both normalised sets have the same intervals with the same ends open or closed. */
export function intervalSetsEqual(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every((x, i) => endpointsEqual(x.lo, (b[i] as Interval).lo) && endpointsEqual(x.hi, (b[i] as Interval).hi));
}

function endpointsEqual(a: Endpoint, b: Endpoint): boolean {
  // An infinite end is open whatever bracket was written: `[-\infty, 2]` means (−∞, 2].
  if (a.at.kind === 'infinity' || b.at.kind === 'infinity') return scalarsEqual(a.at, b.at) === true;
  return a.closed === b.closed && scalarsEqual(a.at, b.at) === true;
}

function samePoint(a: Endpoint, b: Endpoint): boolean {
  return scalarsEqual(a.at, b.at) === true;
}

function tighter(a: Endpoint, b: Endpoint, side: 'lo' | 'hi'): Endpoint | undefined {
  const pa = positionOf(a.at);
  const pb = positionOf(b.at);
  if (pa === undefined || pb === undefined) return undefined;
  if (samePoint(a, b)) return a.closed && b.closed ? a : { at: a.at, closed: false };
  return (side === 'lo' ? pa > pb : pa < pb) ? a : b;
}
