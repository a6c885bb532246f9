import { createMagpieClient, runCountsFromProto, type DataQualityOptionsInput, type MagpieClient, type RecordEvent } from '@magpie/api';
import type { RunCounts } from '@magpie/contracts';
import { LocalPlatform, REPO_ROOT } from '@magpie/testing';
import { join } from 'node:path';

export const BENCHMARKS_DIR = join(REPO_ROOT, 'services/generator/fixtures/decontamination');

/** The platform a quality measurement needs: gateway, generator(s), tagger; the realistic simulator at zero latency. */
export interface QualityPlatform {
  readonly platform: LocalPlatform;
  readonly client: MagpieClient;
  readonly simUrl: string;
  stop(): Promise<void>;
}

export async function startQualityPlatform(options: { generators: number }): Promise<QualityPlatform> {
  const platform = await LocalPlatform.start({
    baseEnv: { ...process.env },
    services: ['gateway', 'generator', 'tagger'],
    simEnv: { SIM_PROFILE: 'realistic', SIM_TIME_SCALE: '0', LOG_LEVEL: 'warn' },
    // Small tasks and windows spread a run over every generator replica.
    serviceEnv: { LOG_LEVEL: 'warn', SLOTS_PER_TASK: '8', MAX_NUM_SEQS: '64', MAX_ATTEMPTS_PER_TASK: '30' },
    componentEnv: { generator: { DECONTAMINATION_DIR: BENCHMARKS_DIR } },
  });
  for (let i = 1; i < options.generators; i++) await platform.startReplica('generator');
  const client = createMagpieClient(platform.grpcAddress);
  await client.waitForReady(30_000);
  return {
    platform,
    client,
    simUrl: platform.allSimUrls()[0] ?? '',
    stop: async () => {
      client.close();
      await platform.stop();
    },
  };
}

export interface GeneratedRun {
  readonly runId: string;
  /** Accepted problems in slot order. */
  readonly problems: string[];
  readonly tags: RecordEvent[];
  readonly counts: Pick<RunCounts, 'rejections' | 'flags'>;
  readonly seconds: number;
}

/**
 * Starts a run and waits until the generator (and, with tags, the tagger) filled it; then cancels
 * it, as the solver, sampler and reward stages are not part of a quality measurement.
 */
export interface GenerateRequest {
  readonly domain: string;
  readonly count: number;
  readonly seed: number;
  readonly dataQuality: DataQualityOptionsInput;
}

export async function generate(q: QualityPlatform, request: GenerateRequest): Promise<GeneratedRun> {
  const { domain, count, seed, dataQuality: data_quality } = request;
  const started = performance.now();
  const { run } = await q.client.startRun({ domain, count, seed, data_quality });
  const runId = run?.run_id ?? '';
  const wantTags = data_quality.tags === true;
  for (;;) {
    const now = await q.client.getRun({ run_id: runId });
    if (now.status !== 'RUN_STATUS_RUNNING') throw new Error(`run ${runId} ended ${now.status}: ${now.reason} (logs: ${q.platform.logDir})`);
    if ((now.counts?.problems ?? 0) >= count && (!wantTags || (now.counts?.tags ?? 0) >= count)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const final = await q.client.cancelRun({ run_id: runId, reason: 'measured' });
  const problems: { id: number; text: string }[] = [];
  const tags: RecordEvent[] = [];
  for await (const event of q.client.streamRecords({ run_id: runId, from_cursor: '0' })) {
    if (event.body === 'problem') problems.push({ id: event.id, text: event.problem?.instruction ?? '' });
    if (event.body === 'tags') tags.push(event);
  }
  return {
    runId,
    problems: problems.sort((a, b) => a.id - b.id).map((p) => p.text),
    tags,
    counts: { rejections: runCountsFromProto(final.counts).rejections, flags: runCountsFromProto(final.counts).flags },
    seconds,
  };
}
