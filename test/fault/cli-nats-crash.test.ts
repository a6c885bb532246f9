import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// Issue 13's case as a user meets it: `magpie run` of 1,000 problems while nats-server is killed
// with -9 twice (and restarted on its store, as a supervisor would). The CLI neither fails nor
// starts or attaches to another run: it rides out both outages on its open streams and writes the
// complete dataset with exit code 0.
const COUNT = 1_000;
let platform: E2ePlatform;
const outDir = mkdtempSync(join(tmpdir(), 'magpie-cli-nats-crash-'));

beforeAll(async () => {
  platform = await startE2ePlatform({ simEnv: { SIM_DELAY_MS: '10' }, serviceEnv: { MAX_NUM_SEQS: '64' } });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

interface CliRun {
  readonly exited: Promise<number | null>;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

function magpieRun(args: readonly string[]): CliRun {
  const child = spawn(process.execPath, ['tools/cli/bin/magpie.js', 'run', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stdout: () => stdout, stderr: () => stderr };
}

/** The records of the platform's only run, by kind, as GetRun counts them (0 before it exists). */
async function stored(kind: 'problems' | 'rewards'): Promise<number> {
  const { runs } = await platform.client.listRuns({ page_size: 10 });
  return Number(runs[0]?.counts?.[kind] ?? 0);
}

async function crashNats(): Promise<void> {
  await platform.platform.kill('nats');
  await platform.platform.start('nats');
}

describe('magpie run across two kill -9 of nats-server', () => {
  it('writes the complete dataset of its one run and exits 0', async () => {
    const cli = magpieRun(['--domain', 'algebra', '--count', String(COUNT), '--out', outDir, '--gateway', platform.grpcAddress, '--wait-ms', '120000', '--no-report']);
    await waitFor('a fifth of the problems', async () => (await stored('problems')) >= COUNT / 5, 120_000, 100);
    await crashNats();
    await waitFor('half of the rewards', async () => (await stored('rewards').catch(() => 0)) >= COUNT / 2, 180_000, 200);
    await crashNats();
    const code = await cli.exited;
    expect(code, cli.stderr()).toBe(0);

    // One run, started once: no second StartRun, no re-attach.
    const { runs } = await platform.client.listRuns({ page_size: 10 });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(cli.stdout().match(/ started/g) ?? []).toHaveLength(1);
    expect(cli.stdout()).not.toMatch(/attached/);

    const [dir] = readdirSync(outDir);
    const files = readdirSync(join(outDir, dir ?? ''));
    const info = JSON.parse(readFileSync(join(outDir, dir ?? '', 'dataset_info.json'), 'utf8')) as { status: string; complete: boolean; dataset: { complete_problems: number } };
    expect(info).toMatchObject({ status: 'succeeded', complete: true, dataset: { complete_problems: COUNT } });
    for (const kind of ['ins', 'ins_res', 'ins_5res', 'ins_5res_armorm']) {
      const name = files.find((f) => f.endsWith(`_${kind}.json`));
      expect(name, kind).toBeDefined();
      const rows = JSON.parse(readFileSync(join(outDir, dir ?? '', name ?? ''), 'utf8')) as { id: number }[];
      expect(new Set(rows.map((r) => r.id)).size, kind).toBe(COUNT);
    }
    console.log(`magpie run across two NATS crashes: exit ${code}, ${COUNT} problems in every Magpie file; stderr notices: ${cli.stderr().split('\n').filter((l) => /interrupt|retry|unavailable/i.test(l)).length}`);
  }, 420_000);
});
