import { afterEach, describe, expect, it } from 'vitest';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { fixtures, waitFor } from '@magpie/testing';
import { loadCliConfig } from '../config.js';
import { runCli } from '../run-cli.js';
import { startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { fakeIo, type FakeIo } from '../testing/fake-io.js';

const { RUN_ID, completeRun } = fixtures;

let gateway: FakeGateway | undefined;
let client: MagpieClient | undefined;
afterEach(() => {
  client?.close();
  gateway?.close();
});

async function magpie(argv: string[], io: FakeIo = fakeIo()): Promise<{ code: number; io: FakeIo }> {
  const code = await runCli(argv, { config: () => loadCliConfig({}), io, version: '0.0.0' });
  return { code, io };
}

/** A fake gateway holding one running run, started the way `magpie run` starts one. */
async function gatewayWithRun(): Promise<string> {
  // It stays running until finishRun streams its records.
  gateway = await startFakeGateway({ records: completeRun(4), finalStatus: 'succeeded', feedOnStart: false });
  client = createMagpieClient(gateway.address);
  await client.startRun({ domain: 'algebra', count: 4, request_id: 'req-1' });
  return gateway.address;
}

async function finishRun(): Promise<void> {
  for await (const _ of client?.streamRecords({ run_id: RUN_ID, from_cursor: '0' }) ?? []) void _;
}

describe('magpie runs', () => {
  it('lists runs as a table and as JSON', async () => {
    const address = await gatewayWithRun();
    const table = await magpie(['runs', 'list', '--gateway', address]);
    expect(table.code).toBe(0);
    expect(table.io.outLines[0]).toMatch(/^RUN\s+STATUS\s+DOMAIN\s+COUNT\s+PAIRS\s+CREATED\s+MODEL$/);
    expect(table.io.outLines[1]).toMatch(new RegExp(`^${RUN_ID}\\s+running\\s+algebra\\s+4\\s+0\\s`));
    const json = await magpie(['runs', 'list', '--gateway', address, '--json']);
    const parsed = JSON.parse(json.io.outLines.join('\n')) as { runs: { run_id: string; status: string }[] };
    expect(parsed.runs.map((r) => [r.run_id, r.status])).toEqual([[RUN_ID, 'RUN_STATUS_RUNNING']]);
  });

  it('gets one run, in English, in Japanese and as JSON', async () => {
    const address = await gatewayWithRun();
    await finishRun();
    const en = await magpie(['runs', 'get', RUN_ID, '--gateway', address]);
    expect(en.code).toBe(0);
    expect(en.io.outLines[0]).toBe(RUN_ID);
    expect(en.io.outLines).toContain('  status:                succeeded');
    expect(en.io.outLines.some((l) => /records: +problems 4, solutions 4, samples 4, rewards 4$/.test(l))).toBe(true);
    const ja = await magpie(['runs', 'get', RUN_ID, '--gateway', address, '--lang', 'ja']);
    expect(ja.io.outLines.some((l) => /状態: +成功$/.test(l))).toBe(true);
    const json = await magpie(['runs', 'get', RUN_ID, '--gateway', address, '--json']);
    expect(JSON.parse(json.io.outLines[0] ?? '')).toMatchObject({ run_id: RUN_ID, status: 'RUN_STATUS_SUCCEEDED', counts: { rewards: 4 } });
  });

  it('cancels a run and reports its status', async () => {
    const address = await gatewayWithRun();
    const { code, io } = await magpie(['runs', 'cancel', RUN_ID, '--gateway', address, '--reason', 'no longer needed']);
    expect(code).toBe(0);
    expect(io.outLines).toEqual([`run ${RUN_ID} cancelled`]);
    expect(gateway?.cancelRequests).toEqual([{ run_id: RUN_ID, reason: 'no longer needed' }]);
  });

  it('watches a run until it ends and exits with its outcome; --json prints one line per change', async () => {
    const address = await gatewayWithRun();
    const io = fakeIo();
    const watching = magpie(['runs', 'watch', RUN_ID, '--gateway', address, '--json'], io);
    await waitFor('a first progress line', () => io.outLines.length > 0, 10_000, 10);
    await finishRun();
    const { code } = await watching;
    expect(code).toBe(0);
    const lines = io.outLines.map((l) => JSON.parse(l) as { status: string; counts: { records: { rewards: number } } });
    expect(lines[0]?.status).toBe('running');
    expect(lines.at(-1)).toMatchObject({ status: 'succeeded', counts: { records: { rewards: 4 } } });
    expect(new Set(io.outLines).size).toBe(io.outLines.length);
  });

  it('exits 2 with the gateway error for an unknown run, and says how to start the platform when there is no gateway', async () => {
    gateway = await startFakeGateway({ records: [], finalStatus: 'succeeded' });
    const unknown = await magpie(['runs', 'get', 'run-nope', '--gateway', gateway.address]);
    expect(unknown.code).toBe(2);
    expect(unknown.io.errLines).toEqual(['magpie runs: GetRun failed: NOT_FOUND: run run-nope not found']);
    const down = await magpie(['runs', 'list', '--gateway', '127.0.0.1:1', '--wait-ms', '2500']);
    expect(down.code).toBe(2);
    expect(down.io.errLines[0]).toContain('start the platform with `magpie up`');
    expect(down.io.errLines.at(-1)).toBe('magpie runs: gateway 127.0.0.1:1 is not reachable (waited 3 s); start the platform with `magpie up` or pass --gateway');
  });
});
