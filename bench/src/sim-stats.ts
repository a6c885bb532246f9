/** The part of the simulator's GET /sim/stats the benchmark reads. */
export interface SimStats {
  readonly requests: number;
  readonly sequences: number;
  readonly maxNumSeqs: number;
  readonly timeScale: number;
  readonly busySlotSeconds: number;
  readonly busySlotWallSeconds: number;
  readonly wallSeconds: number;
}

export async function readSimStats(baseUrl: string): Promise<SimStats> {
  const res = await fetch(`${baseUrl}/sim/stats`);
  if (!res.ok) throw new Error(`GET ${baseUrl}/sim/stats answered ${res.status}`);
  return (await res.json()) as SimStats;
}

/** Busy slot wall-seconds and slot count summed over a stage's replicas. */
export async function stageLoad(urls: readonly string[]): Promise<{ busyWallSeconds: number; slots: number; requests: number }> {
  const stats = await Promise.all(urls.map(readSimStats));
  return {
    busyWallSeconds: stats.reduce((a, s) => a + s.busySlotWallSeconds, 0),
    slots: stats.reduce((a, s) => a + s.maxNumSeqs, 0),
    requests: stats.reduce((a, s) => a + s.requests, 0),
  };
}
