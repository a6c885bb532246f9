import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@magpie/testing';
import { capacity, snapshot, type CapacityResult, type Pool } from './capacity-bound.js';
import { pickModel, steeringPrompt } from './catalog-lookup.js';
import { startScenarioPlatform } from './platform-setup.js';
import type { Scenario } from './scenarios.js';
import { runTimed } from './timed-process.js';

/** The shared harness, used where it lies (not copied): /work/shared/peers next to the repository. */
export const HARNESS = join(REPO_ROOT, '..', 'shared', 'peers', 'distilabel_bench.py');
const SETUP = join(REPO_ROOT, 'bench', 'peers', 'setup-distilabel.sh');
const PYTHON = join(REPO_ROOT, '.magpie', 'tools', 'py-distilabel', 'bin', 'python');

/** A distilabel pipeline layout the harness offers. */
export interface PeerConfig {
  readonly label: string;
  readonly stage1: 'task' | 'generator';
  readonly batchSize: number;
  readonly replicas: number;
}

/** Its fastest layout on one shared 128-slot simulator (see the harness's README), then its idiomatic one. */
export const PEER_BEST: PeerConfig = { label: 'distilabel best', stage1: 'task', batchSize: 128, replicas: 2 };
export const PEER_IDIOMATIC: PeerConfig = { label: 'distilabel idiomatic', stage1: 'generator', batchSize: 50, replicas: 1 };

export interface PeerResult extends CapacityResult {
  readonly system: 'distilabel';
  readonly config: PeerConfig;
  /** The model id it asked for: a Qwen2.5 id, since the harness renders ChatML prompts only. */
  readonly model: string;
  /** Spawn → exit of the Python process: imports, pipeline, writing its JSONL, as for our CLI. */
  readonly wallSeconds: number;
  /** The harness's own timing of pipeline.run() only. */
  readonly pipelineSeconds: number;
  readonly records: number;
  readonly failed: number;
  readonly cpuSecondsPerProblem: number | undefined;
  readonly problemsPerSecond: number;
  readonly version: string;
}

/** Fails early with a clear message when the harness is missing; installs or reuses the venv. */
export function preparePeers(): void {
  if (!existsSync(HARNESS)) throw new Error(`--peers needs the distilabel harness at ${HARNESS} (../shared/peers/distilabel_bench.py from the repository root); it is missing`);
  execFileSync('bash', [SETUP], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The token limits our run resolved, so the peer generates to the same lengths. */
export interface PeerTokens {
  readonly problem: number;
  readonly response: number;
}

export interface PeerRequest {
  readonly count: number;
  readonly domain: string;
  readonly config: PeerConfig;
  readonly tokens: PeerTokens;
}

interface HarnessLine {
  readonly records: number;
  readonly failed: number;
  readonly wall_s: number;
  readonly distilabel_version: string;
}

/**
 * Runs the harness on a fresh simulator started as for our run. It speaks to one OpenAI base URL
 * and one /classify URL, so with per-stage pools it gets the generator pool's first replica for
 * its three LLM steps and the reward pool's first replica; its bound counts only those.
 */
export async function runPeer(s: Scenario, { count, domain, config, tokens }: PeerRequest): Promise<PeerResult> {
  const platform = await startScenarioPlatform(s, []);
  const work = mkdtempSync(join(tmpdir(), `distilabel-bench-${s.id}-`));
  try {
    const llmUrl = platform.simUrls('generator')[0] ?? '';
    const rewardUrl = platform.simUrls('reward')[0] ?? '';
    const pools: Pool[] = s.perStage ? [{ name: 'llm', urls: [llmUrl] }, { name: 'reward', urls: [rewardUrl] }] : [{ name: 'shared', urls: platform.allSimUrls() }];
    const model = s.model.startsWith('Qwen/Qwen2.5') ? s.model : pickModel(['Qwen/Qwen2.5-7B-Instruct'], 'Qwen2.5');
    const args = [
      HARNESS,
      '--port', new URL(llmUrl).port,
      '--reward-url', `${rewardUrl}/classify`,
      '--model', model,
      '--reward-model', s.rewardModel,
      '--n', String(count),
      '--k', '5',
      '--stage1', config.stage1,
      '--batch-size', String(config.batchSize),
      '--replicas', String(config.replicas),
      '--max-problem-tokens', String(tokens.problem),
      '--max-tokens', String(tokens.response),
      '--system-prompt', steeringPrompt(domain),
      '--cache-dir', join(work, 'cache'),
      '--out', join(work, 'out.jsonl'),
    ];
    const before = await snapshot(pools);
    const exit = await runTimed(PYTHON, args, { cwd: work });
    const after = await snapshot(pools);
    const line = exit.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
    if (exit.exitCode !== 0 || !line) throw new Error(`distilabel harness exited ${exit.exitCode}:\n${exit.stderr.split('\n').slice(-20).join('\n')}`);
    const out = JSON.parse(line) as HarnessLine;
    return {
      system: 'distilabel',
      config,
      model,
      wallSeconds: exit.wallSeconds,
      pipelineSeconds: out.wall_s,
      records: out.records,
      failed: out.failed,
      version: out.distilabel_version,
      ...capacity(pools, before, after, exit.wallSeconds),
      cpuSecondsPerProblem: exit.cpuSeconds === undefined ? undefined : exit.cpuSeconds / count,
      problemsPerSecond: count / exit.wallSeconds,
    };
  } finally {
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
