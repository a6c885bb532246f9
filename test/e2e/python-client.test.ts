import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// Clients we did not write: a Python client generated from proto/ with grpcio-tools, and the
// example notebook executed headless with nbclient, both against the local platform. Their
// environment (.magpie/tools/py-client) is installed by scripts/setup-api-tools.sh.
const PYTHON = join(REPO_ROOT, '.magpie/tools/py-client/bin/python');
const CLIENT_DIR = join(REPO_ROOT, 'test/clients/python');
const exec = promisify(execFile);
let platform: E2ePlatform;
const stubs = mkdtempSync(join(tmpdir(), 'magpie-py-stubs-'));

beforeAll(async () => {
  platform = await startE2ePlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('the Python client (grpcio-tools)', () => {
  it('starts a run over a domain mix, watches it, streams its records, exports and loads its dataset', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-py-client-'));
    const { stdout } = await exec(PYTHON, [join(CLIENT_DIR, 'run_demo.py'), '--address', platform.grpcAddress, '--out', out, '--count', '6'], {
      cwd: CLIENT_DIR,
      timeout: 240_000,
      env: { ...process.env, MAGPIE_PY_STUBS_DIR: stubs },
    });
    console.log(stdout);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary).toMatchObject({
      final: true,
      status: 'RUN_STATUS_SUCCEEDED',
      counts: { problems: 6, solutions: 6, samples: 6, rewards: 6 },
      records: { problem: 6, solution: 6, samples: 6, rewards: 6 },
      rewards_only: 6,
      dataset_rows: 6,
      dataset_domains: ['algebra', 'geometry'],
      listed: [summary.run_id],
      bad_request: ['INVALID_ARGUMENT', 'count: must be at least 1', [['count', 'must be at least 1']]],
    });
    expect(Number(summary.completion_tokens)).toBeGreaterThan(0);
    expect(summary.files).toEqual(expect.arrayContaining(['dataset_info.json']));
    expect((summary.files as string[]).filter((f) => f.endsWith('.jsonl'))).toHaveLength(5);
    const info = JSON.parse(readFileSync(join(out, 'dataset_info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ domain: 'mixed', complete: true, domain_mix: [{ domain: 'algebra', count: 4 }, { domain: 'geometry', count: 2 }] });
  });
});

describe('examples/production.ipynb', () => {
  it('runs headless with nbclient: starts a run, watches it, loads the dataset with datasets, plots margins and agreement', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-notebook-'));
    const { stdout } = await exec(PYTHON, [join(CLIENT_DIR, 'run_notebook.py'), join(REPO_ROOT, 'examples/production.ipynb'), '--out', join(out, 'executed.ipynb')], {
      cwd: CLIENT_DIR,
      timeout: 300_000,
      env: { ...process.env, MAGPIE_GATEWAY: platform.grpcAddress, MAGPIE_OUT: out, MAGPIE_COUNT: '8', MAGPIE_PY_STUBS_DIR: stubs, MPLBACKEND: 'Agg' },
    });
    console.log(stdout);
    expect(stdout).toMatch(/final: RUN_STATUS_SUCCEEDED/);
    expect(stdout).toMatch(/plotted 8 problems: mean margin/);
    expect(readdirSync(out).some((f) => f.endsWith('-margins-agreement.png'))).toBe(true);
  });
});
