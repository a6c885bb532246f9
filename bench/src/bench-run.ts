import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { LocalPlatform, type ServiceName, type StageName } from '@magpie/testing';
import { processCpuSeconds } from './process-cpu.js';
import { stageLoad } from './sim-stats.js';

export interface BenchSettings {
  readonly count: number;
  readonly replicas: number;
  readonly slotsPerReplica: number;
  /** Simulator time scale: 0 = zero-latency backend. */
  readonly timeScale: number;
  readonly domain: string;
}

export interface StageResult {
  readonly busySlotSeconds: number;
  readonly slots: number;
  /** The least wall time this stage's work could take with every slot busy. */
  readonly boundSeconds: number;
  readonly utilisation: number;
}

export interface RunResult {
  readonly mode: 'streaming' | 'sequential';
  readonly wallSeconds: number;
  readonly firstPairSeconds: number | undefined;
  readonly oneCallSeconds: number | undefined;
  readonly stages: Record<StageName, StageResult>;
  /** max over stages of the stage bound: no schedule can finish sooner. */
  readonly boundSeconds: number;
  readonly efficiency: number;
  readonly cpuSecondsPerProblem: number;
  /** CPU milliseconds per problem by service (the gateway includes streaming every record to the client). */
  readonly cpuMsPerProblemByService: Record<string, number>;
  readonly problemsPerSecond: number;
}

const STAGES: readonly StageName[] = ['generator', 'solver', 'sampler', 'reward'];
const SERVICES: readonly ServiceName[] = ['gateway', ...STAGES];

function platformOptions(s: BenchSettings, services: readonly ServiceName[]) {
  return {
    baseEnv: { ...process.env },
    simPerStage: true,
    simReplicas: s.replicas,
    services,
    simEnv: { SIM_MAX_NUM_SEQS: String(s.slotsPerReplica), SIM_TIME_SCALE: String(s.timeScale), LOG_LEVEL: 'warn' },
    // 16 completions per generator request fill a 64-slot replica with four requests.
    serviceEnv: { MAX_NUM_SEQS: String(s.slotsPerReplica), SLOTS_PER_TASK: '16', LOG_LEVEL: 'warn' },
  };
}

/** Latency of one solver-style chat call on an idle replica. */
async function oneCallSeconds(baseUrl: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      messages: [{ role: 'user', content: 'Solve for x: 3x + 7 = 22.' }],
      max_tokens: 16384,
      seed: 1,
    }),
  });
  await res.text();
  return (performance.now() - started) / 1000;
}

async function waitForCount(client: MagpieClient, runId: string, field: 'problems' | 'solutions' | 'samples', count: number): Promise<void> {
  for (;;) {
    const run = await client.getRun({ run_id: runId });
    if ((run.counts?.[field] ?? 0) >= count) return;
    if (run.status !== 'RUN_STATUS_RUNNING') throw new Error(`run ${runId} ended early: ${run.status} ${run.reason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * One measured run. `streaming` starts every service at once (our way); `sequential` starts each
 * stage only after the previous one finished all problems (the seed's way), on the same simulator.
 */
export async function benchRun(s: BenchSettings, mode: 'streaming' | 'sequential'): Promise<RunResult> {
  const platform = await LocalPlatform.start(platformOptions(s, mode === 'streaming' ? SERVICES : ['gateway', 'generator']));
  const client = createMagpieClient(platform.grpcAddress);
  try {
    await client.waitForReady(30_000);
    const probeUrl = platform.simUrls('solver')[0];
    const oneCall = s.timeScale > 0 && probeUrl ? await oneCallSeconds(probeUrl) : undefined;
    const before = Object.fromEntries(await Promise.all(STAGES.map(async (st) => [st, await stageLoad(platform.simUrls(st))] as const)));
    const cpuBefore = SERVICES.map((n) => processCpuSeconds(platform.pidOf(n)));

    const started = performance.now();
    const { run } = await client.startRun({ domain: s.domain, count: s.count, seed: 7, request_id: `bench-${mode}-${Date.now()}` });
    const runId = run?.run_id ?? '';
    let firstPairSeconds: number | undefined;
    const streaming = (async () => {
      for await (const event of client.streamRecords({ run_id: runId, from_cursor: '0' })) {
        if (event.body === 'rewards' && firstPairSeconds === undefined) firstPairSeconds = (performance.now() - started) / 1000;
      }
    })();
    const cpuLate: number[] = [];
    if (mode === 'sequential') {
      await waitForCount(client, runId, 'problems', s.count);
      for (const [stage, field] of [['solver', 'solutions'], ['sampler', 'samples'], ['reward', undefined]] as const) {
        await platform.start(stage);
        cpuLate.push(processCpuSeconds(platform.pidOf(stage)));
        if (field) await waitForCount(client, runId, field, s.count);
      }
    }
    await streaming;
    const wallSeconds = (performance.now() - started) / 1000;
    const final = await client.getRun({ run_id: runId });
    if (final.status !== 'RUN_STATUS_SUCCEEDED') throw new Error(`run ${runId} ended ${final.status}: ${final.reason} (logs: ${platform.logDir})`);

    const cpuAfter = SERVICES.map((n) => processCpuSeconds(platform.pidOf(n)));
    // Services started late had no "before" reading; their start-up CPU is excluded via cpuLate.
    const cpuSeconds = SERVICES.reduce((sum, _n, i) => sum + (cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0), 0) - (mode === 'sequential' ? cpuLate.reduce((a, b) => a + b, 0) : 0);
    const cpuMsPerProblemByService = Object.fromEntries(SERVICES.map((n, i) => [n, (((cpuAfter[i] ?? 0) - (mode === 'streaming' ? (cpuBefore[i] ?? 0) : 0)) * 1000) / s.count]));
    const stages = {} as Record<StageName, StageResult>;
    for (const st of STAGES) {
      const after = await stageLoad(platform.simUrls(st));
      const busy = after.busyWallSeconds - (before[st]?.busyWallSeconds ?? 0);
      stages[st] = { busySlotSeconds: busy, slots: after.slots, boundSeconds: busy / after.slots, utilisation: busy / (after.slots * wallSeconds) };
    }
    const boundSeconds = Math.max(...STAGES.map((st) => stages[st].boundSeconds));
    return {
      mode,
      wallSeconds,
      firstPairSeconds,
      oneCallSeconds: oneCall,
      stages,
      boundSeconds,
      efficiency: boundSeconds / wallSeconds,
      cpuSecondsPerProblem: cpuSeconds / s.count,
      cpuMsPerProblemByService,
      problemsPerSecond: s.count / wallSeconds,
    };
  } finally {
    client.close();
    await platform.stop();
  }
}
