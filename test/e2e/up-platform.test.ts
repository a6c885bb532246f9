import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { connect } from '@nats-io/transport-node';
import { findFreePorts } from '@magpie/launcher';
import { REPO_ROOT, SIM_IDEAL_ENV, STAGE_NAMES, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real `magpie up`, as a user runs it, with secrets in its environment: NATS authentication is
// on with generated per-platform passwords (0600 in the state dir), each child process holds only
// its own secrets (read from /proc/<pid>/environ), and Ctrl-C with a stream open stops every child
// within its stop grace, derived from the services' SHUTDOWN_GRACE_MS, none SIGKILLed.
const execFileAsync = promisify(execFile);
const GATEWAY_TOKEN = `gw-${randomBytes(16).toString('hex')}`;
const LLM_API_KEY = `sk-${randomBytes(16).toString('hex')}`;
const MAGPIE_TOKEN = GATEWAY_TOKEN;
const STALE_NATS_PASS = `old-${randomBytes(16).toString('hex')}`;
const GRACE_MS = 2_000;
const stateDir = mkdtempSync(join(tmpdir(), 'magpie-up-'));
let up: ChildProcess;
let upExit: Promise<number | null>;
let output = '';
let grpcAddress = '';
let natsPort = 0;
let client: MagpieClient;

interface UpJson {
  readonly components: readonly { readonly name: string; readonly pid: number }[];
}

beforeAll(async () => {
  const [nats = 0, grpcPort = 0, simPort = 0] = await findFreePorts(3);
  natsPort = nats;
  grpcAddress = `127.0.0.1:${grpcPort}`;
  up = spawn(
    process.execPath,
    ['tools/cli/bin/magpie.js', 'up', '--nats-port', String(natsPort), '--grpc-port', String(grpcPort), '--sim-port', String(simPort), '--state-dir', stateDir, '--shutdown-grace-ms', String(GRACE_MS)],
    {
      cwd: REPO_ROOT,
      // Secrets a user may have exported: each must reach only the process that needs it.
      env: { ...process.env, ...SIM_IDEAL_ENV, GATEWAY_TOKEN, LLM_API_KEY, MAGPIE_TOKEN, NATS_PASS: STALE_NATS_PASS, SOLVER_NATS_PASS: STALE_NATS_PASS },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  up.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  up.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  upExit = new Promise((resolve) => up.once('exit', (code) => resolve(code)));
  await waitFor('magpie up to be ready', () => output.includes('magpie up: ready'), 170_000, 200);
  client = createMagpieClient(grpcAddress, { token: GATEWAY_TOKEN });
}, 180_000);

afterAll(async () => {
  client?.close();
  // A test that failed early leaves it running: stop it the way a user would, so it stops its children.
  if (up.exitCode === null && up.signalCode === null) {
    up.kill('SIGTERM');
    await upExit;
  }
}, 60_000);

function passwords(): Record<string, string> {
  return (JSON.parse(readFileSync(join(stateDir, 'nats-passwords.json'), 'utf8')) as { passwords: Record<string, string> }).passwords;
}

function environOf(pid: number): Record<string, string> {
  const raw = readFileSync(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(raw.split('\0').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('magpie up', () => {
  it('runs nats-server with one user per service and passwords stored owner-only, refusing anonymous clients', async () => {
    expect(statSync(join(stateDir, 'nats-passwords.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(stateDir, 'nats-server.conf')).mode & 0o777).toBe(0o600);
    expect(Object.keys(passwords()).sort()).toEqual(['admin', 'gateway', 'generator', 'reward', 'sampler', 'solver', 'tagger']);
    expect(output).toContain(`passwords (admin's for operators) in ${join(stateDir, 'nats-passwords.json')}`);
    await expect(connect({ servers: `nats://127.0.0.1:${natsPort}`, reconnect: false })).rejects.toThrow(/authorization violation/i);
    await expect(connect({ servers: `nats://127.0.0.1:${natsPort}`, user: 'solver', pass: STALE_NATS_PASS, reconnect: false })).rejects.toThrow(/authorization violation/i);
  });

  it('gives each child only its own secrets (/proc/<pid>/environ)', () => {
    const all = passwords();
    const state = JSON.parse(readFileSync(join(stateDir, 'up.json'), 'utf8')) as UpJson;
    expect(state.components.map((c) => c.name)).toEqual(['nats', 'llm-sim', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'gateway']);
    const report: string[] = [];
    for (const { name, pid } of state.components) {
      const env = environOf(pid);
      const service = ['generator', 'solver', 'sampler', 'reward', 'tagger', 'gateway'].includes(name);
      const values = Object.values(env);
      // Its own NATS user and password, or none; never another's.
      expect(env.NATS_USER, name).toBe(service ? name : undefined);
      expect(env.NATS_PASS, name).toBe(service ? all[name] : undefined);
      for (const [user, password] of Object.entries(all)) if (user !== name) expect(values.includes(password), `${user}'s password in ${name}`).toBe(false);
      expect(values.includes(STALE_NATS_PASS), `the inherited NATS password in ${name}`).toBe(false);
      expect(env.GATEWAY_TOKEN, name).toBe(name === 'gateway' ? GATEWAY_TOKEN : undefined);
      expect(env.LLM_API_KEY, name).toBe((STAGE_NAMES as readonly string[]).includes(name) ? LLM_API_KEY : undefined);
      // The CLI's own token (the same value as the gateway's here) reaches no child under its name.
      expect(env.MAGPIE_TOKEN, name).toBeUndefined();
      report.push(`${name}: ${Object.keys(env).filter((k) => /NATS_USER|NATS_PASS|TOKEN|API_KEY/.test(k)).sort().join(' ') || 'no secrets'}`);
    }
    console.log(`environ check: ${report.join('; ')}`);
  });

  it('serves a run through the CLI, the token from MAGPIE_TOKEN', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-up-run-'));
    const { stdout } = await execFileAsync(process.execPath, ['tools/cli/bin/magpie.js', 'run', '--domain', 'algebra', '--count', '3', '--out', out, '--gateway', grpcAddress], {
      cwd: REPO_ROOT,
      timeout: 120_000,
      env: { ...process.env, MAGPIE_TOKEN },
    });
    expect(stdout).toMatch(/run run-\S+ succeeded/);
  });

  it('stops every child on Ctrl-C within its stop grace, the gateway too with a stream open, and logs no secret', async () => {
    const { run } = await client.startRun({ domain: 'calculus', count: 5_000 });
    const stream = client.streamRecords({ run_id: run?.run_id ?? '', from_cursor: '0' });
    const received: unknown[] = [];
    const reading = (async () => {
      try {
        for await (const event of stream) received.push(event);
      } catch {
        // The gateway ends the stream when it shuts down.
      }
    })();
    await waitFor('the stream to deliver', () => received.length > 0, 60_000, 50);
    const stoppingAt = Date.now();
    up.kill('SIGINT');
    expect(await upExit).toBe(0);
    await reading;
    const stopMs = Date.now() - stoppingAt;
    const gatewayLog = readFileSync(join(stateDir, 'logs', 'gateway.log'), 'utf8');
    console.log(`grace: SHUTDOWN_GRACE_MS ${GRACE_MS}, stop grace ${GRACE_MS + 10_000} ms per service; everything stopped in ${stopMs} ms`);
    // The open stream held the gateway for its grace period; it then ended it and exited by itself.
    expect(gatewayLog).toContain('forcing gRPC shutdown');
    expect(output).not.toMatch(/did not stop within/);
    for (const name of ['gateway', 'reward', 'sampler', 'solver', 'generator', 'llm-sim', 'nats']) expect(output).toContain(`magpie up: ${name} stopped (exit code 0)`);
    const secrets = [GATEWAY_TOKEN, LLM_API_KEY, STALE_NATS_PASS, ...Object.values(passwords())];
    for (const file of readdirSync(join(stateDir, 'logs'))) {
      const text = readFileSync(join(stateDir, 'logs', file), 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `a secret in ${file}`).toBe(false);
    }
    for (const secret of secrets) expect(output.includes(secret), 'a secret in the output of magpie up').toBe(false);
  });
});
