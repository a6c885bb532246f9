import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCliConfig } from '../config.js';
import { REPO_ROOT } from '../repo-root.js';
import { runCli } from '../run-cli.js';
import { domainRun, startFakeGateway, type FakeGateway } from '../testing/fake-gateway.js';
import { fakeIo } from '../testing/fake-io.js';

const BIN = join(REPO_ROOT, 'tools/cli/bin/magpie.js');

interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `magpie` in this process with `stdin` as its input, as main.ts would. */
async function magpie(args: string[], stdin: string): Promise<Exited> {
  const io = fakeIo(stdin);
  const code = await runCli(args, { config: () => loadCliConfig({}), io, version: '0.0.0' });
  return { code, stdout: io.outLines.map((l) => `${l}\n`).join(''), stderr: io.errLines.map((l) => `${l}\n`).join('') };
}

/**
 * Runs the real `magpie` binary as a child process with `stdin` piped in. Asynchronous on
 * purpose: the fake gateway serving it lives in this process's event loop.
 */
function magpieBinary(args: string[], stdin: string): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let outDir: string;
let gateway: FakeGateway | undefined;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'magpie-menu-'));
});

afterEach(async () => {
  gateway?.close();
  gateway = undefined;
  await rm(outDir, { recursive: true, force: true });
});

async function datasetFiles(): Promise<string[]> {
  const [dir] = await readdir(outDir);
  if (dir === undefined) return [];
  return (await readdir(join(outDir, dir))).sort();
}

describe('magpie menu as a child process', () => {
  // The one test of the real binary here: a pipe is the menu's scripting interface. Sized for a loaded machine.
  it('generates one domain from answers piped to the real binary, against a real gRPC gateway', async () => {
    gateway = await startFakeGateway({ records: (request) => domainRun(request.domain, 2), finalStatus: 'succeeded' });
    const result = await magpieBinary(['menu', '--gateway', gateway.address, '--out', outDir], '1\ndeepseek-ai/DeepSeek-R1-Distill-Qwen-32B\nalgebra\n2\n0\n');
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(gateway.startRequests.map((r) => [r.model, r.domain, r.count])).toEqual([['deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'algebra', 2]]);
    expect(result.stdout).toMatch(/run run-test_1 succeeded/);
    expect(await datasetFiles()).toContain('dataset_info.json');
  }, 120_000);
});

describe('magpie menu', () => {
  it('reads choices from its input: lists models and domains, quits on 0', async () => {
    const result = await magpie(['menu'], '4\n5\n0\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  1) generate one domain');
    expect(result.stdout).toContain('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B  (reasoning)');
    expect(result.stdout).toMatch(/^ {2}algebra: /m);
  });

  it('runs without prompting when --choice and the values are flags', async () => {
    gateway = await startFakeGateway({ records: (request) => domainRun(request.domain, 2), finalStatus: 'succeeded' });
    const args = ['menu', '--choice', '1', '--model', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', '--domain', 'geometry', '--count', '2'];
    const result = await magpie([...args, '--pair-rule', 'magpie', '--sanitize', '--gateway', gateway.address, '--out', outDir], '');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('1) generate one domain');
    expect(gateway.startRequests[0]).toMatchObject({ domain: 'geometry', count: 2, pair_rule: 'PAIR_RULE_MAGPIE', filters: { sanitize: true } });
    const files = await datasetFiles();
    expect(files.filter((f) => /^Magpie_DeepSeek-R1-Distill-Qwen-32B_4_\d+_(ins|ins_res|ins_5res|ins_5res_armorm)\.json$/.test(f))).toHaveLength(4);
  });

  it('exits 1 with a message when --choice lacks a required value', async () => {
    const result = await magpie(['menu', '--choice', '1'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('magpie menu: domain is required (give it as a flag with --choice 1)');
  });
});
