import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeBadRequest } from '@magpie/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// grpcurl (pinned, installed by scripts/setup-api-tools.sh) is a client we did not write, built on
// protobuf-go, which validates descriptors strictly: every service is described and every RPC is
// made through server reflection alone, with no proto file.
const GRPCURL = join(REPO_ROOT, '.magpie/tools/grpcurl/bin/grpcurl');
const exec = promisify(execFile);
const SERVICES = ['magpie.v1.MagpieService', 'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection'];

let platform: E2ePlatform;

async function grpcurl(...args: string[]): Promise<string> {
  const { stdout } = await exec(GRPCURL, ['-plaintext', '-max-time', '60', ...args], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** One call through reflection; `data` is the request as proto3 JSON. Returns the response messages. */
async function call(method: string, data: object = {}): Promise<Record<string, unknown>[]> {
  const out = await grpcurl('-format-error', '-d', JSON.stringify(data), platform.grpcAddress, method);
  // grpcurl prints each message as indented JSON, separated by newlines.
  return out
    .split(/\n(?=\{)/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => JSON.parse(text) as Record<string, unknown>);
}

beforeAll(async () => {
  platform = await startE2ePlatform();
});

afterAll(async () => {
  await platform?.stop();
});

describe('grpcurl through server reflection', () => {
  it('lists every service and describes each of them and their messages', async () => {
    const listed = (await grpcurl(platform.grpcAddress, 'list')).split('\n').filter(Boolean);
    expect(listed.sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      const described = await grpcurl(platform.grpcAddress, 'describe', service);
      expect(described, service).toContain(`${service} is a service`);
    }
    const magpie = await grpcurl(platform.grpcAddress, 'describe', 'magpie.v1.MagpieService');
    for (const rpc of ['StartRun', 'GetRun', 'ListRuns', 'CancelRun', 'WatchRun', 'StreamRecords', 'ExportDataset', 'ListModels', 'ListDomains']) expect(magpie).toContain(`rpc ${rpc}`);
    // The messages protobufjs used to describe wrongly (map entries), with their comments.
    const run = await grpcurl(platform.grpcAddress, 'describe', 'magpie.v1.Run');
    expect(run).toContain('map<string, string> labels = 10;');
    expect(run).toContain('.google.protobuf.Timestamp created_at = 5;');
    expect(await grpcurl(platform.grpcAddress, 'describe', 'magpie.v1.StartRunRequest')).toContain('// Makes StartRun idempotent');
  });

  it('makes every MagpieService RPC and the health check with no proto file', async () => {
    const [models] = await call('magpie.v1.MagpieService/ListModels');
    expect((models?.models as { id: string }[]).map((m) => m.id)).toContain('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    const [domains] = await call('magpie.v1.MagpieService/ListDomains');
    expect((domains?.domains as { name: string }[]).map((d) => d.name)).toContain('algebra');

    const [started] = await call('magpie.v1.MagpieService/StartRun', { domain: 'algebra', count: 3, request_id: 'grpcurl-1', labels: { via: 'grpcurl' } });
    // grpcurl prints proto3 JSON: lowerCamelCase names, 64-bit integers as strings, bytes as base64.
    const run = started?.run as { runId: string; status: string; labels: Record<string, string> };
    expect(run).toMatchObject({ status: 'RUN_STATUS_RUNNING', labels: { via: 'grpcurl' } });
    const runId = run.runId;

    const progress = await call('magpie.v1.MagpieService/WatchRun', { run_id: runId });
    const last = progress.at(-1) as { final?: boolean; run: { status: string; counts: Record<string, number> } };
    expect(last.final).toBe(true);
    expect(last.run.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(last.run.counts).toMatchObject({ problems: 3, solutions: 3, samples: 3, rewards: 3 });

    const [got] = await call('magpie.v1.MagpieService/GetRun', { run_id: runId });
    expect(got?.run).toMatchObject({ runId, status: 'RUN_STATUS_SUCCEEDED' });
    const [listed] = await call('magpie.v1.MagpieService/ListRuns', { page_size: 5, label: 'via=grpcurl' });
    expect((listed?.runs as { runId: string }[]).map((r) => r.runId)).toEqual([runId]);

    const records = await call('magpie.v1.MagpieService/StreamRecords', { run_id: runId, kinds: ['RECORD_KIND_REWARDS'] });
    expect(records).toHaveLength(3);
    for (const r of records) expect(r).toHaveProperty('rewards');

    const chunks = await call('magpie.v1.MagpieService/ExportDataset', { run_id: runId, format: 'DATASET_FORMAT_JSONL' });
    const names = [...new Set(chunks.map((c) => c.fileName as string))];
    expect(names).toContain('dataset_info.json');
    expect(names.some((n) => /^Magpie_DeepSeek-R1-Distill-Qwen-32B_3_\d+_dpo\.jsonl$/.test(n))).toBe(true);
    const info = chunks.filter((c) => c.fileName === 'dataset_info.json').map((c) => Buffer.from((c.data as string | undefined) ?? '', 'base64').toString('utf8')).join('');
    expect(JSON.parse(info)).toMatchObject({ run_id: runId, status: 'succeeded', complete: true });

    const [second] = await call('magpie.v1.MagpieService/StartRun', { domain: 'geometry', count: 2_000 });
    const [cancelled] = await call('magpie.v1.MagpieService/CancelRun', { run_id: (second?.run as { runId: string }).runId, reason: 'grpcurl' });
    expect(cancelled?.run).toMatchObject({ status: 'RUN_STATUS_CANCELLED', reason: 'grpcurl' });

    expect(await call('grpc.health.v1.Health/Check', { service: 'magpie.v1.MagpieService' })).toEqual([{ status: 'SERVING' }]);
  });

  it('shows the BadRequest details naming the field of an INVALID_ARGUMENT', async () => {
    const failed = await exec(GRPCURL, ['-plaintext', '-format-error', '-d', '{"domain":"algebra","count":0}', platform.grpcAddress, 'magpie.v1.MagpieService/StartRun']).then(
      () => undefined,
      (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`,
    );
    const status = JSON.parse(failed ?? '{}') as { code: number; message: string; details: { '@type': string; '@value': string }[] };
    expect(status).toMatchObject({ code: 3, message: 'count: must be at least 1' });
    // grpcurl has no descriptor of google.rpc.BadRequest (nor does it need one): it shows the bytes.
    const [detail] = status.details;
    expect(detail?.['@type']).toBe('type.googleapis.com/google.rpc.BadRequest');
    expect(decodeBadRequest(Buffer.from(detail?.['@value'] ?? '', 'base64'))).toEqual([{ field: 'count', description: 'must be at least 1' }]);
  });
});
