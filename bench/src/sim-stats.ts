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
