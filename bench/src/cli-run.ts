import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isoFromTimestamp, type MagpieClient, type Run } from '@magpie/api';
import { REPO_ROOT } from '@magpie/testing';
import { runTimed } from './timed-process.js';

/** What one `magpie run` showed its user, and what the gateway recorded about the same run. */
export interface CliRunResult {
  readonly runId: string;
  readonly status: string;
  /** Spawn → exit of the CLI process. */
  readonly wallSeconds: number;
  /** Gateway created_at − spawn: the CLI's own start until its StartRun was accepted. */
  readonly cliStartSeconds: number | undefined;
  /** CLI exit − finished_at: downloading the dataset files (ExportDataset) and writing them. */
  readonly fileTailSeconds: number | undefined;
  /** finished_at − created_at: the run inside the platform. */
  readonly platformSeconds: number | undefined;
  /** Spawn → GetRun first showing a scored problem (polled every 100 ms). */
  readonly firstPairSeconds: number | undefined;
  /** CPU of the CLI process itself (from `times`). */
  readonly cliCpuSeconds: number | undefined;
  readonly datasetDir: string;
  readonly counts: { readonly problems: number; readonly solutions: number; readonly samples: number; readonly rewards: number; readonly deadLettered: number };
  /** max_tokens the gateway resolved per stage (the CLI has no flag for them). */
  readonly maxTokens: { readonly generator: number | undefined; readonly solver: number | undefined; readonly sampler: number | undefined };
}

export interface CliRunRequest {
  readonly grpcAddress: string;
  readonly domain: string;
  readonly count: number;
  readonly model: string;
  readonly rewardModel: string;
  readonly outDir: string;
  readonly requestId: string;
}

const POLL_MS = 100;
const CLI_BIN = join(REPO_ROOT, 'tools/cli/bin/magpie.js');

/** Where `npm run build`'s output would be used by the bin (it checks freshness itself; this only reports). */
export function cliEntry(): 'build (dist/)' | 'sources (tsx)' {
  return existsSync(join(REPO_ROOT, 'dist', 'build-info.json')) && existsSync(join(REPO_ROOT, 'dist', 'magpie.js')) ? 'build (dist/)' : 'sources (tsx)';
}

const ms = (t: Run['created_at']): number | undefined => {
  const iso = isoFromTimestamp(t);
  return iso === undefined ? undefined : Date.parse(iso);
};

/** The dataset directory the CLI wrote under `outDir`: the one holding dataset_info.json. */
function findDataset(outDir: string): string | undefined {
  if (existsSync(join(outDir, 'dataset_info.json'))) return outDir;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(outDir, entry.name, 'dataset_info.json'))) return join(outDir, entry.name);
  }
  return undefined;
}

async function findRun(client: MagpieClient, requestId: string): Promise<Run | undefined> {
  const { runs } = await client.listRuns({ page_size: 50 });
  return runs.find((r) => r.request_id === requestId);
}

/**
 * Runs the real CLI binary from the repository root, as a user would, and times it end to end.
 * Alongside, GetRun is polled (the run is found by the --request-id given) for the first pair.
 * Throws when the CLI fails or leaves no dataset: a benchmark of a broken run means nothing.
 */
export async function runCli(client: MagpieClient, r: CliRunRequest): Promise<CliRunResult> {
  const args = [
    CLI_BIN, 'run', '--domain', r.domain, '--count', String(r.count), '--model', r.model, '--reward-model', r.rewardModel,
    '--gateway', r.grpcAddress, '--out', r.outDir, '--no-report', '--seed', '7', '--request-id', r.requestId,
  ];
  const spawnedAt = Date.now();
  let done = false;
  let firstPairAt: number | undefined;
  let runId: string | undefined;
  const poller = (async () => {
    while (!done && firstPairAt === undefined) {
      try {
        runId ??= (await findRun(client, r.requestId))?.run_id;
        if (runId !== undefined && ((await client.getRun({ run_id: runId })).counts?.rewards ?? 0) > 0) firstPairAt = Date.now();
      } catch {
        // The gateway can be briefly busy under load; the next poll tries again.
      }
      await new Promise((res) => setTimeout(res, POLL_MS));
    }
  })();
  const exit = await runTimed(process.execPath, args, { cwd: REPO_ROOT });
  done = true;
  await poller;
  const tail = (text: string): string => text.split('\n').slice(-15).join('\n');
  if (exit.exitCode !== 0) throw new Error(`magpie run exited ${exit.exitCode}:\n${tail(exit.stderr)}\n${tail(exit.stdout)}`);
  const datasetDir = findDataset(r.outDir);
  if (!datasetDir) throw new Error(`magpie run exited 0 but ${r.outDir} holds no dataset_info.json:\n${tail(exit.stdout)}`);
  const run = runId === undefined ? await findRun(client, r.requestId) : await client.getRun({ run_id: runId });
  if (!run) throw new Error(`no run with request id ${r.requestId} on the gateway`);
  const created = ms(run.created_at);
  const finished = ms(run.finished_at);
  // `times` covers the CLI and its children; the CLI spawns none, so this is its own CPU.
  return {
    runId: run.run_id,
    status: run.status,
    wallSeconds: exit.wallSeconds,
    cliStartSeconds: created === undefined ? undefined : (created - exit.spawnedAtMs) / 1000,
    fileTailSeconds: finished === undefined ? undefined : (exit.exitedAtMs - finished) / 1000,
    platformSeconds: created === undefined || finished === undefined ? undefined : (finished - created) / 1000,
    firstPairSeconds: firstPairAt === undefined ? undefined : (firstPairAt - spawnedAt) / 1000,
    cliCpuSeconds: exit.cpuSeconds,
    datasetDir,
    counts: {
      problems: run.counts?.problems ?? 0,
      solutions: run.counts?.solutions ?? 0,
      samples: run.counts?.samples ?? 0,
      rewards: run.counts?.rewards ?? 0,
      deadLettered: run.counts?.dead_lettered ?? 0,
    },
    maxTokens: {
      generator: run.spec?.generator?.sampling?.max_tokens,
      solver: run.spec?.solver?.sampling?.max_tokens,
      sampler: run.spec?.sampler?.sampling?.max_tokens,
    },
  };
}
