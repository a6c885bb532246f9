import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import type { RecordEvent } from '@magpie/api';
import { STAGE_NAMES, waitFor, type StageName } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

const run = promisify(execFile);
const DOMAINS = ['algebra', 'calculus', 'geometry', 'statistics', 'number_theory'] as const;
const COUNT = 20;
const MAGPIE_FIELDS = ['id', 'pre_query_template', 'instruction', 'response', 'created', 'gen_input_configs', 'gen_response_configs'];
// Magpie's field lists (reference §2–§5), in Magpie's order; our own fields may only follow them.
const GEN_INPUT_FIELDS = ['temperature', 'top_p', 'input_generator', 'seed'];
const GEN_RESPONSE_FIELDS = ['prompt', 'temperature', 'top_p', 'repetition_penalty', 'max_tokens', 'stop_tokens', 'output_generator', 'engine'];
const MAGPIE_FILE_FIELDS: Record<string, string[]> = {
  ins: MAGPIE_FIELDS,
  ins_res: MAGPIE_FIELDS,
  ins_5res: [...MAGPIE_FIELDS, 'responses'],
  ins_5res_armorm: [...MAGPIE_FIELDS, 'responses', 'rewards_armorm', 'chosen', 'rejected'],
};
const GEMMA = 'google/gemma-3-27b-it';

let platform: E2ePlatform;
const outDir = mkdtempSync(join(tmpdir(), 'magpie-e2e-data-'));
const cliResults = new Map<string, { stdout: string; stderr: string; dir: string }>();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

beforeAll(async () => {
  // Real models return some empty completions; the generator must top up to exactly `count`.
  platform = await startE2ePlatform({ simEnv: { SIM_EMPTY_RATE: '0.2' } });
  // Five domain runs at once, each through the real CLI, as a user would start them.
  await Promise.all(
    DOMAINS.map(async (domain) => {
      const out = join(outDir, domain);
      const { stdout, stderr } = await run(
        process.execPath,
        ['tools/cli/bin/magpie.js', 'run', '--domain', domain, '--count', String(COUNT), '--out', out, '--gateway', platform.grpcAddress],
        { cwd: REPO_ROOT, timeout: 150_000 },
      );
      const [dir] = readdirSync(out);
      cliResults.set(domain, { stdout, stderr, dir: join(out, dir ?? '') });
    }),
  );
  const gemmaOut = join(outDir, 'gemma');
  const gemma = await run(
    process.execPath,
    ['tools/cli/bin/magpie.js', 'run', '--domain', 'geometry', '--count', '10', '--model', GEMMA, '--out', gemmaOut, '--gateway', platform.grpcAddress],
    { cwd: REPO_ROOT, timeout: 150_000 },
  );
  cliResults.set('gemma', { ...gemma, dir: join(gemmaOut, readdirSync(gemmaOut)[0] ?? '') });
}, 240_000);

/** Reads `<dir>/Magpie_<model>_<count>_<ts>_<kind>.json` and checks Magpie's fields lead every row, in order. */
function magpieFile(dir: string, model: string, count: number, kind: keyof typeof MAGPIE_FILE_FIELDS): Record<string, unknown>[] {
  const name = readdirSync(dir).find((f) => new RegExp(`^Magpie_${model}_${count}_\\d+_${kind}\\.json$`).test(f));
  expect(name, `${kind} file in ${dir}`).toBeDefined();
  const rows = readJson<Record<string, unknown>[]>(join(dir, name ?? ''));
  const fields = MAGPIE_FILE_FIELDS[kind] ?? [];
  for (const row of rows) {
    expect(Object.keys(row).slice(0, fields.length)).toEqual(fields);
    expect(Object.keys(row.gen_input_configs as object)).toEqual(GEN_INPUT_FIELDS);
    if (kind !== 'ins') expect(Object.keys(row.gen_response_configs as object)).toEqual(GEN_RESPONSE_FIELDS);
  }
  return rows;
}

describe('a Gemma-3 run (no system role)', () => {
  it("writes Magpie's files with the steering text in the first user turn", () => {
    const dir = cliResults.get('gemma')?.dir ?? '';
    expect(dir).toMatch(/gemma-3-27b-it_geometry_\d{8}_\d{6}$/);
    const ins = magpieFile(dir, 'gemma-3-27b-it', 10, 'ins');
    expect(ins).toHaveLength(10);
    for (const r of ins) {
      expect(r.pre_query_template).toMatch(/^<bos><start_of_turn>user\n.+\n\n$/s);
      expect((r.gen_input_configs as { input_generator: string }).input_generator).toBe(GEMMA);
    }
    for (const kind of ['ins_res', 'ins_5res', 'ins_5res_armorm'] as const) expect(magpieFile(dir, 'gemma-3-27b-it', 10, kind)).toHaveLength(10);
  });
});

afterAll(async () => {
  await platform?.stop();
});

describe.each(DOMAINS)('a %s run of 20 problems', (domain) => {
  it('writes every Magpie file with the right count and fields', () => {
    const result = cliResults.get(domain);
    expect(result, `CLI output for ${domain}`).toBeDefined();
    const dir = result?.dir ?? '';
    expect(dir).toMatch(new RegExp(`DeepSeek-R1-Distill-Qwen-32B_${domain}_\\d{8}_\\d{6}$`));

    // The seed's names: Magpie_{model}_{count}_{timestamp}_{kind}.json.
    const files = readdirSync(dir);
    const ins = magpieFile(dir, 'DeepSeek-R1-Distill-Qwen-32B', COUNT, 'ins');
    const res = magpieFile(dir, 'DeepSeek-R1-Distill-Qwen-32B', COUNT, 'ins_res');
    const five = magpieFile(dir, 'DeepSeek-R1-Distill-Qwen-32B', COUNT, 'ins_5res');
    const armorm = magpieFile(dir, 'DeepSeek-R1-Distill-Qwen-32B', COUNT, 'ins_5res_armorm');
    for (const kind of ['sharegpt', 'messages', 'dpo', 'ins_res', 'ins_5res_armorm']) {
      expect(files.some((f) => f.endsWith(`_${kind}.jsonl`)), `${kind}.jsonl`).toBe(true);
    }
    const info = readJson<Record<string, unknown>>(join(dir, 'dataset_info.json'));

    for (const file of [ins, res, five, armorm]) {
      expect(file).toHaveLength(COUNT);
      expect(file.map((r) => r.id)).toEqual([...Array(COUNT).keys()]);
      for (const record of file) for (const field of MAGPIE_FIELDS) expect(record).toHaveProperty(field);
    }
    // Each generation task steers one subtopic; a 20-problem run covers all five.
    expect(new Set(ins.map((r) => r.subtopic)).size).toBe(5);
    for (const r of ins) {
      expect(typeof r.instruction).toBe('string');
      expect((r.instruction as string).length).toBeGreaterThan(0);
      expect(r.response).toBeNull();
      expect(r.gen_response_configs).toBeNull();
      expect(r.pre_query_template).toContain('<｜User｜>');
    }
    for (const r of res) {
      expect((r.response as string).length).toBeGreaterThan(0);
      expect(r.response).toContain('\\boxed{');
      expect(r.gen_response_configs).toMatchObject({ output_generator: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', engine: 'vllm' });
    }
    for (const r of five) expect(r.responses).toHaveLength(5);
    for (const r of armorm) {
      expect(r.responses).toHaveLength(5);
      const rewards = r.rewards_armorm as { score: number }[];
      expect(rewards).toHaveLength(5);
      for (const s of rewards) expect(Number.isFinite(s.score)).toBe(true);
      const responses = r.responses as string[];
      const pair = r.pair as { rule: string; chosen_index: number | null; rejected_index: number | null; skip_reason: string | null };
      expect(pair.rule).toBe('correctness');
      if (pair.skip_reason !== null) {
        expect(r.chosen).toBeNull();
        continue;
      }
      const chosen = r.chosen as { role: string; content: string }[];
      const rejected = r.rejected as { role: string; content: string }[];
      expect(chosen.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(rejected.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(chosen[0]?.content).toBe(r.instruction);
      expect(chosen[1]?.content).toBe(responses[pair.chosen_index ?? -1]);
      expect(rejected[1]?.content).toBe(responses[pair.rejected_index ?? -1]);
      expect(chosen[1]?.content).not.toBe(rejected[1]?.content);
    }
    expect(info).toMatchObject({ domain });
    expect(JSON.stringify(info)).toContain('succeeded');
  });
});

describe('re-running magpie run with the same --request-id', () => {
  it('attaches to the same run and rewrites the same complete dataset', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-e2e-reattach-'));
    const args = ['tools/cli/bin/magpie.js', 'run', '--domain', 'algebra', '--count', '8', '--request-id', 'e2e-reattach-1', '--gateway', platform.grpcAddress];
    const first = await run(process.execPath, [...args, '--out', join(out, 'a')], { cwd: REPO_ROOT, timeout: 120_000 });
    const second = await run(process.execPath, [...args, '--out', join(out, 'b')], { cwd: REPO_ROOT, timeout: 120_000 });
    const runIdOf = (text: string) => /run (run-[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(runIdOf(second.stdout)).toBe(runIdOf(first.stdout));
    expect(second.stdout).toContain('attached');
    const instructions = (sub: string) => {
      const dir = join(out, sub, readdirSync(join(out, sub))[0] ?? '');
      const file = readdirSync(dir).find((f) => f.endsWith('_ins_5res_armorm.json')) ?? '';
      return readJson<{ id: number; instruction: string }[]>(join(dir, file)).map((r) => `${r.id}:${r.instruction}`);
    };
    expect(instructions('b')).toHaveLength(8);
    expect(instructions('b')).toEqual(instructions('a'));
  });
});

describe('the prompts we send', () => {
  it('never carry a double BOS (the simulator counts any it sees)', async () => {
    const metrics = await (await fetch(`${platform.simUrl}/metrics`)).text();
    const requests = metrics.split('\n').filter((l) => l.startsWith('magpie_sim_requests_total') && l.includes('completions'));
    expect(requests.length).toBeGreaterThan(0);
    const doubleBos = metrics
      .split('\n')
      .filter((l) => l.startsWith('magpie_sim_double_bos_total{'))
      .map((l) => Number(l.split(' ').pop()));
    expect(doubleBos.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('StreamRecords', () => {
  it('replays from cursor 0 after the run ends exactly what the live stream delivered', async () => {
    const { run: started } = await platform.client.startRun({
      domain: 'algebra',
      count: 10,
      model: 'Qwen/Qwen2.5-Math-72B-Instruct',
      pair_rule: 'PAIR_RULE_MAGPIE',
    });
    const runId = started?.run_id ?? '';
    const live: RecordEvent[] = [];
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) live.push(event);
    const finished = await platform.client.getRun({ run_id: runId });
    expect(finished.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(finished.counts).toMatchObject({ problems: 10, solutions: 10, samples: 10, rewards: 10, dead_lettered: 0 });
    expect(live).toHaveLength(40);
    // The generator topped up past the simulator's empty completions (20 %), and says how many it
    // dropped. Summed over every run of this file (110 problems), so it cannot be zero by chance.
    const { runs } = await platform.client.listRuns({ page_size: 100 });
    const empties = runs.reduce((sum, r) => sum + (r.counts?.rejections.find((x) => x.reason === 'REJECTION_REASON_EMPTY')?.count ?? 0), 0);
    expect(empties).toBeGreaterThan(0);
    // Magpie's rule: the first maximum is chosen, the first minimum rejected.
    for (const event of live.filter((e) => e.body === 'rewards')) {
      const scores = event.rewards?.rewards_armorm.map((s) => s.score) ?? [];
      expect(event.rewards?.pair?.rule).toBe('PAIR_RULE_MAGPIE');
      if (event.rewards?.pair?.skip_reason !== 'PAIR_SKIP_REASON_UNSPECIFIED') continue;
      expect(event.rewards?.pair?.chosen_index).toBe(scores.indexOf(Math.max(...scores)));
      expect(event.rewards?.pair?.rejected_index).toBe(scores.indexOf(Math.min(...scores)));
    }

    const replay: RecordEvent[] = [];
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) replay.push(event);
    expect(replay).toEqual(live);

    const from = live[19]?.cursor ?? '0';
    const resumed: RecordEvent[] = [];
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: from })) resumed.push(event);
    expect(resumed).toEqual(live.slice(20));
  });

  it('answers NOT_FOUND for an unknown run', async () => {
    const consume = async () => {
      for await (const _ of platform.client.streamRecords({ run_id: 'run-does-not-exist', from_cursor: '0' })) void _;
    };
    await expect(consume()).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });
});

describe('CancelRun', () => {
  it('stops a run mid-way, ends its stream, and is idempotent', async () => {
    const { run: started } = await platform.client.startRun({ domain: 'geometry', count: 3_000 });
    const runId = started?.run_id ?? '';
    const seen: RecordEvent[] = [];
    let cancelled: Awaited<ReturnType<typeof platform.client.cancelRun>> | undefined;
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) {
      seen.push(event);
      if (!cancelled) cancelled = await platform.client.cancelRun({ run_id: runId, reason: 'e2e cancel' });
    }
    expect(cancelled?.status).toBe('RUN_STATUS_CANCELLED');
    const again = await platform.client.cancelRun({ run_id: runId });
    expect(again.status).toBe('RUN_STATUS_CANCELLED');
    expect(again.reason).toBe('e2e cancel');
    const final = await platform.client.getRun({ run_id: runId });
    expect(final.counts?.problems).toBeLessThan(3_000);
    expect(final.finished_at).not.toBeNull();
    // In-flight backend calls were aborted, not finished: at A100 timing a solve takes minutes, yet
    // within seconds no stage holds any message, and nothing more is produced after that.
    const inFlight = async (stage: StageName): Promise<number> => {
      const text = await (await fetch(`${platform.platform.healthUrl(stage)}/metrics`)).text();
      return [...text.matchAll(/^magpie_in_flight\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    await waitFor('every stage to drop the run', async () => (await Promise.all(STAGE_NAMES.map(inFlight))).every((n) => n === 0), 15_000, 100);
    // Calls that answered just before the cancel may still store their records for a moment (the
    // counts are served up to a second old): wait until two reads a cache period apart agree.
    let previous = '';
    await waitFor('the run\'s counts to settle', async () => {
      const now = JSON.stringify((await platform.client.getRun({ run_id: runId })).counts);
      const same = now === previous;
      previous = now;
      return same;
    }, 15_000, 1_100);
    const settled = await platform.client.getRun({ run_id: runId });
    let stored = 0;
    for await (const _ of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) stored++;
    const c = settled.counts;
    expect(stored).toBe((c?.problems ?? 0) + (c?.solutions ?? 0) + (c?.samples ?? 0) + (c?.rewards ?? 0));
    const later = await platform.client.getRun({ run_id: runId });
    expect(later.counts).toEqual(settled.counts);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an unknown run', async () => {
    await expect(platform.client.cancelRun({ run_id: 'run-nope' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(platform.client.getRun({ run_id: 'run-nope' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });
});

describe('StartRun validation', () => {
  it.each([
    [{ domain: 'algebra', count: 0 }, 'count'],
    [{ domain: 'topology', count: 5 }, 'domain'],
    [{ domain: 'algebra', count: 5, model: 'acme/NoSuchModel-7B' }, 'model'],
  ])('rejects %j with INVALID_ARGUMENT naming %s', async (request, field) => {
    const error = await platform.client.startRun(request).then(
      () => undefined,
      (err: unknown) => err as grpc.ServiceError,
    );
    expect(error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error?.details).toMatch(new RegExp(`^${field}:`));
  });
});
