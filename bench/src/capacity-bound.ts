import { readSimStats, type SimStats } from './sim-stats.js';

/**
 * A backend pool: the simulator replicas one part of the work can use. A shared simulator is one
 * pool for every stage; per-stage simulators are one pool per stage. The capacity bound is the
 * largest pool's busy slot-seconds ÷ its slots: no schedule can finish before that pool's work is
 * done with every one of its slots busy.
 */
export interface Pool {
  readonly name: string;
  readonly urls: readonly string[];
}

export interface PoolLoad {
  readonly name: string;
  readonly busySlotSeconds: number;
  readonly slots: number;
  readonly requests: number;
  /** busy ÷ slots: this pool's least possible wall time. */
  readonly boundSeconds: number;
  /** busy ÷ (slots × wall). */
  readonly utilisation: number;
}

export interface CapacityResult {
  readonly pools: readonly PoolLoad[];
  readonly boundSeconds: number;
  /** bound ÷ wall; undefined without a timing model (time scale 0), where nothing is busy. */
  readonly efficiency: number | undefined;
}

/** Every replica's counters now, keyed by URL (each URL read once, however many pools list it). */
export type Snapshot = ReadonlyMap<string, SimStats>;

export async function snapshot(pools: readonly Pool[]): Promise<Snapshot> {
  const urls = [...new Set(pools.flatMap((p) => p.urls))];
  return new Map(await Promise.all(urls.map(async (u) => [u, await readSimStats(u)] as const)));
}

/** The load between two snapshots and the bound it implies, for a run that took `wallSeconds`. */
export function capacity(pools: readonly Pool[], before: Snapshot, after: Snapshot, wallSeconds: number): CapacityResult {
  const loads = pools.map((pool): PoolLoad => {
    // Dedupe inside a pool too: a shared simulator must count once, not once per stage.
    const urls = [...new Set(pool.urls)];
    const delta = (u: string, field: 'busySlotWallSeconds' | 'requests'): number => (after.get(u)?.[field] ?? 0) - (before.get(u)?.[field] ?? 0);
    const busy = urls.reduce((sum, u) => sum + delta(u, 'busySlotWallSeconds'), 0);
    const slots = urls.reduce((sum, u) => sum + (after.get(u)?.maxNumSeqs ?? 0), 0);
    const boundSeconds = slots > 0 ? busy / slots : 0;
    return {
      name: pool.name,
      busySlotSeconds: busy,
      slots,
      requests: urls.reduce((sum, u) => sum + delta(u, 'requests'), 0),
      boundSeconds,
      utilisation: wallSeconds > 0 ? boundSeconds / wallSeconds : 0,
    };
  });
  const boundSeconds = Math.max(0, ...loads.map((l) => l.boundSeconds));
  return { pools: loads, boundSeconds, efficiency: boundSeconds > 0 && wallSeconds > 0 ? boundSeconds / wallSeconds : undefined };
}
