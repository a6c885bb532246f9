import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMagpieClient } from '@magpie/api';
import { fixtures } from '@magpie/testing';
import { loadCliConfig } from '../config.js';
import { runCli } from '../run-cli.js';
import { startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { fakeIo } from '../testing/fake-io.js';

let outDir: string;
let gateway: FakeGateway | undefined;
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'report-command-'));
});
afterEach(async () => {
  gateway?.close();
  await rm(outDir, { recursive: true, force: true });
});

const magpie = async (argv: string[]) => {
  const io = fakeIo();
  const code = await runCli(argv, { config: () => loadCliConfig({}), io, version: '0.0.0' });
  return { code, io };
};

describe('magpie report', () => {
  it('fetches a run by id into a dataset directory and writes report.html beside it, then rewrites it from the directory', async () => {
    gateway = await startFakeGateway({ records: fixtures.completeRun(4), finalStatus: 'succeeded', rejections: { too_short: 3 } });
    // A run someone else started: report follows it to its end and downloads its files.
    const starter = createMagpieClient(gateway.address);
    await starter.startRun({ domain: 'algebra', count: 4 }).finally(() => starter.close());
    const byId = await magpie(['report', fixtures.RUN_ID, '--gateway', gateway.address, '--out', outDir, '--prompt-price', '0.5', '--completion-price', '2']);
    expect(byId.code).toBe(0);
    const [dir = ''] = await readdir(outDir);
    const html = await readFile(join(outDir, dir, 'report.html'), 'utf8');
    expect(html).toContain(`Run report: ${fixtures.RUN_ID}`);
    expect(html).toContain('data-chart="rejections"');
    expect(html).toContain('0.5 USD per million prompt tokens');
    expect(byId.io.outLines.some((l) => /^report: .*report\.html$/.test(l))).toBe(true);
    await rm(join(outDir, dir, 'report.html'));
    const byDir = await magpie(['report', join(outDir, dir)]);
    expect(byDir.code).toBe(0);
    expect(existsSync(join(outDir, dir, 'report.html'))).toBe(true);
  });

  it('refuses a directory that holds no dataset, naming it', async () => {
    const { code, io } = await magpie(['report', outDir]);
    expect(code).toBe(1);
    expect(io.errLines).toEqual([`magpie report: ${outDir} is neither a dataset directory (no dataset_info.json) nor a run id`]);
  });
});
