import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

const run = promisify(execFile);
// Random per test run, so a match in a log can only be a leak.
const GATEWAY_TOKEN = `gw-${randomBytes(16).toString('hex')}`;
const LLM_API_KEY = `sk-${randomBytes(16).toString('hex')}`;
const WRONG_TOKEN = `wrong-${randomBytes(16).toString('hex')}`;
// The platform's own NATS passwords join these once it is up.
const SECRETS: Record<string, string> = { GATEWAY_TOKEN, LLM_API_KEY, WRONG_TOKEN };

let platform: E2ePlatform | undefined;
let authed: MagpieClient;
const cliOutput: string[] = [];

beforeAll(async () => {
  platform = await startE2ePlatform({
    // Offered to every service; the launcher hands the token to the gateway only and the key to the stages only.
    serviceEnv: { GATEWAY_TOKEN, LLM_API_KEY, LOG_LEVEL: 'debug' },
  });
  for (const user of ['gateway', 'generator', 'solver', 'sampler', 'reward', 'admin'] as const) {
    SECRETS[`${user} NATS password`] = platform.platform.natsCredentials(user).pass;
  }
  authed = createMagpieClient(platform.grpcAddress, { token: GATEWAY_TOKEN });
}, 120_000);

afterAll(async () => {
  authed.close();
  await platform?.stop();
});

describe('gateway authentication end to end', () => {
  it('refuses calls without the token or with a wrong one', async () => {
    const address = platform?.grpcAddress ?? '';
    for (const options of [{}, { token: WRONG_TOKEN }, { token: GATEWAY_TOKEN.toUpperCase() }]) {
      const client = createMagpieClient(address, options);
      try {
        for (const call of [
          () => client.listRuns({}, { deadlineMs: 5_000 }),
          () => client.startRun({ domain: 'algebra', count: 1 }, { deadlineMs: 5_000 }),
          () => client.getRun({ run_id: 'run-unknown' }, { deadlineMs: 5_000 }),
          () => client.cancelRun({ run_id: 'run-unknown', reason: WRONG_TOKEN }, { deadlineMs: 5_000 }),
        ]) {
          const error = await call().catch((e: unknown) => e);
          expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
          expect((error as grpc.ServiceError).details).not.toContain(WRONG_TOKEN);
        }
      } finally {
        client.close();
      }
    }
  });

  it('runs a small run through the CLI with MAGPIE_TOKEN', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-security-'));
    const { stdout, stderr } = await run(
      process.execPath,
      ['tools/cli/bin/magpie.js', 'run', '--domain', 'algebra', '--count', '3', '--out', out, '--gateway', platform?.grpcAddress ?? ''],
      { cwd: REPO_ROOT, timeout: 120_000, env: { ...process.env, MAGPIE_TOKEN: GATEWAY_TOKEN } },
    );
    cliOutput.push(stdout, stderr);
    expect(stdout).toMatch(/run run-\S+ succeeded/);
    const [runId] = /run-[a-z0-9]+-[0-9a-f]+/.exec(stdout) ?? [];
    expect((await authed.getRun({ run_id: runId ?? '' })).status).toBe('RUN_STATUS_SUCCEEDED');
  });

  it('the CLI with a wrong token exits 2 and says UNAUTHENTICATED', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-security-'));
    const error = (await run(
      process.execPath,
      ['tools/cli/bin/magpie.js', 'run', '--domain', 'algebra', '--count', '1', '--out', out, '--gateway', platform?.grpcAddress ?? '', '--token', WRONG_TOKEN],
      { cwd: REPO_ROOT, timeout: 60_000 },
    ).catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    cliOutput.push(error.stdout, error.stderr);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/UNAUTHENTICATED/);
  });
});

describe('secrets in logs', () => {
  it('no log line of any process contains a token, API key or NATS password', async () => {
    const current = platform;
    if (!current) throw new Error('platform not started');
    // Stopping first flushes every log; afterAll's stop is then a no-op.
    await current.stop();
    platform = undefined;
    const files = readdirSync(current.platform.logDir);
    expect(files).toEqual(expect.arrayContaining(['gateway.log', 'generator.log', 'solver.log', 'sampler.log', 'reward.log']));
    const gatewayLog = readFileSync(join(current.platform.logDir, 'gateway.log'), 'utf8');
    expect(gatewayLog).toContain('unauthenticated call refused');
    expect(gatewayLog).toMatch(/"auth":"bearer"/);
    for (const file of files) {
      const text = readFileSync(join(current.platform.logDir, file), 'utf8');
      for (const [name, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${name} in ${file}`).toBe(false);
    }
    for (const text of cliOutput) {
      for (const [name, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${name} in CLI output`).toBe(false);
    }
  });
});
