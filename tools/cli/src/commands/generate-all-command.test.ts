import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresetCatalog, PresetsFile } from '@magpie/catalog';
import { domainRun, startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { fakeIo } from '../testing/fake-io.js';
import { executeGenerateAll, planDomainRuns } from './generate-all-command.js';
import { executeRunCommand } from './run-command.js';
import type { RunFlags } from './run-options.js';

const PRESET = new PresetCatalog(
  PresetsFile.parse({ presets: [{ name: 'small', kind: 'domains', source: 'test', domains: { algebra: 2, geometry: 3 } }] }),
).domains('small');

let outDir: string;
let gateway: FakeGateway | undefined;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'generate-all-'));
});

afterEach(async () => {
  gateway?.close();
  gateway = undefined;
  await rm(outDir, { recursive: true, force: true });
});

function flags(address: string, waitMs = 5_000): RunFlags {
  return { out: outDir, gateway: address, samplesPerProblem: 3, waitMs, seed: 7, report: true, currency: 'USD' };
}

describe('executeGenerateAll against a real gRPC gateway', () => {
  it('runs every domain one after another, writes each dataset and prints a summary table', async () => {
    gateway = await startFakeGateway({ records: (request) => domainRun(request.domain, 2), finalStatus: 'succeeded' });
    const io = fakeIo();
    const runs = planDomainRuns('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', PRESET, flags(gateway.address));
    const code = await executeGenerateAll(runs, io, (run, onFinished) => executeRunCommand(run, io, onFinished));
    expect(code).toBe(0);
    expect(gateway.startRequests.map((r) => [r.domain, r.count, r.seed])).toEqual([
      ['algebra', 2, 7],
      ['geometry', 3, 7],
    ]);
    const dirs = (await readdir(outDir)).sort();
    expect(dirs).toHaveLength(2);
    expect(dirs[0]).toMatch(/^DeepSeek-R1-Distill-Qwen-32B_algebra_\d{8}_\d{6}$/);
    expect(dirs[1]).toMatch(/^DeepSeek-R1-Distill-Qwen-32B_geometry_\d{8}_\d{6}$/);
    const table = io.outLines.slice(io.outLines.indexOf('') + 1);
    expect(table[0]).toMatch(/^domain\s+count\s+status\s+problems\s+complete\s+pairs\s+run\s+dataset$/);
    expect(table[1]).toMatch(/^algebra\s+2\s+succeeded\s+2\s+2\s+2\s+run-test_1\s+.*algebra/);
    expect(table[2]).toMatch(/^geometry\s+3\s+succeeded\s+2\s+2\s+2\s+run-test_1\s+.*geometry/);
    expect(table[3]).toMatch(/^total\s+5\s+2\/2 succeeded\s+4\s+4\s+4$/);
  });

  it('goes on after a run fails and exits 1', async () => {
    gateway = await startFakeGateway({ records: (request) => domainRun(request.domain, 1), finalStatus: 'failed', reason: 'dead letters' });
    const io = fakeIo();
    const runs = planDomainRuns('m', PRESET, flags(gateway.address));
    expect(await executeGenerateAll(runs, io, (run, onFinished) => executeRunCommand(run, io, onFinished))).toBe(1);
    expect(gateway.startRequests).toHaveLength(2);
    expect(io.outLines.filter((l) => /^(algebra|geometry)\s+\d+\s+failed/.test(l))).toHaveLength(2);
  });

  it('stops after an interrupted run and lists the rest as skipped', async () => {
    const io = fakeIo();
    const runs = planDomainRuns('m', PRESET, flags('127.0.0.1:1'));
    const code = await executeGenerateAll(runs, io, () => Promise.resolve(130));
    expect(code).toBe(130);
    expect(io.outLines.some((l) => /^algebra\s+2\s+not started/.test(l))).toBe(true);
    expect(io.outLines.some((l) => /^geometry\s+3\s+skipped/.test(l))).toBe(true);
  });

  it('exits 2 when the gateway cannot be reached', async () => {
    const io = fakeIo();
    const runs = planDomainRuns('m', PRESET, flags('127.0.0.1:1', 100));
    expect(await executeGenerateAll(runs, io, (run, onFinished) => executeRunCommand(run, io, onFinished))).toBe(2);
    expect(io.errLines.filter((l) => l.includes('is not reachable'))).toHaveLength(2);
  });
});
