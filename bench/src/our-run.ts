import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMagpieClient } from '@magpie/api';
import { SERVICE_NAMES } from '@magpie/testing';
import { capacity, snapshot, type CapacityResult } from './capacity-bound.js';
import { runCli, type CliRunResult } from './cli-run.js';
import { ourPools, startScenarioPlatform } from './platform-setup.js';
import { processCpuSeconds } from './process-cpu.js';
import type { Scenario } from './scenarios.js';

/** One scenario measured on our platform, driven by the CLI. */
export interface OurResult extends CapacityResult {
  readonly system: 'magpie';
  readonly cli: CliRunResult;
  readonly wallSeconds: number;
  readonly oneCallSeconds: number | undefined;
  /** Services' CPU (every service process, the gateway's streaming to the CLI included) plus the CLI's. */
  readonly cpuSecondsPerProblem: number;
  readonly cpuMsPerProblemByProcess: Record<string, number>;
  readonly problemsPerSecond: number;
}

/**
 * Latency of one solver-style chat call on the idle backend (the scenario's model and its
 * max_tokens): what a pair can never beat. Undefined when the call fails (a fault scenario).
 */
async function oneCallSeconds(baseUrl: string, s: Scenario): Promise<number | undefined> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: s.model, messages: [{ role: 'user', content: 'Solve for x: 3x + 7 = 22.' }], max_tokens: s.maxTokens ?? 4096, seed: 1 }),
      signal: AbortSignal.timeout(120_000),
    });
    await res.text();
    return res.ok ? (performance.now() - started) / 1000 : undefined;
  } catch {
    return undefined;
  }
}

export async function runOurs(s: Scenario, count: number, domain: string): Promise<OurResult> {
  const platform = await startScenarioPlatform(s);
  const client = createMagpieClient(platform.grpcAddress);
  const outDir = mkdtempSync(join(tmpdir(), `magpie-bench-${s.id}-`));
  try {
    await client.waitForReady(30_000);
    const pools = ourPools(platform, s);
    const probeUrl = platform.simUrls('solver')[0];
    const oneCall = s.timeScale > 0 && probeUrl ? await oneCallSeconds(probeUrl, s) : undefined;
    // The probe's own busy time is left out: counters are read after it.
    const before = await snapshot(pools);
    const cpuBefore = SERVICE_NAMES.map((n) => processCpuSeconds(platform.pidOf(n)));
    const cli = await runCli(client, {
      grpcAddress: platform.grpcAddress, domain, count, model: s.model, rewardModel: s.rewardModel, outDir, requestId: `bench-${s.id}-${Date.now()}`,
    });
    const after = await snapshot(pools);
    const cpuAfter = SERVICE_NAMES.map((n) => processCpuSeconds(platform.pidOf(n)));
    if (cli.status !== 'RUN_STATUS_SUCCEEDED') throw new Error(`run ${cli.runId} ended ${cli.status} (logs: ${platform.logDir})`);
    if (s.maxTokens !== undefined && (cli.maxTokens.solver !== s.maxTokens || cli.maxTokens.sampler !== s.maxTokens)) {
      console.error(`bench (${s.id}): solver/sampler max_tokens resolved to ${cli.maxTokens.solver}/${cli.maxTokens.sampler}, expected ${s.maxTokens}`);
    }
    const byProcess: Record<string, number> = Object.fromEntries(SERVICE_NAMES.map((n, i) => [n, (((cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0)) * 1000) / count]));
    byProcess.cli = ((cli.cliCpuSeconds ?? 0) * 1000) / count;
    const cpuMs = Object.values(byProcess).reduce((a, b) => a + b, 0);
    return {
      system: 'magpie',
      cli,
      wallSeconds: cli.wallSeconds,
      oneCallSeconds: oneCall,
      ...capacity(pools, before, after, cli.wallSeconds),
      cpuSecondsPerProblem: cpuMs / 1000,
      cpuMsPerProblemByProcess: byProcess,
      problemsPerSecond: count / cli.wallSeconds,
    };
  } finally {
    client.close();
    await platform.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
