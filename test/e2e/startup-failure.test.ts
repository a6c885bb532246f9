import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NatsServerFixture, REPO_ROOT, SERVICE_NAMES } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every service's real main.ts: a start that fails is one logged fatal line and exit code 1, never
// an unhandled rejection's stack trace.
const run = promisify(execFile);
let nats: NatsServerFixture;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
});
afterAll(() => nats?.stop());

async function start(service: string, env: Record<string, string>): Promise<{ code: number; lines: { level?: number; msg?: string; err?: { message?: string } }[]; stderr: string }> {
  const entry = join(REPO_ROOT, 'services', service, 'src', 'main.ts');
  try {
    await run(process.execPath, ['--import', 'tsx', entry], { cwd: REPO_ROOT, env: { ...process.env, NATS_URL: nats.url, ...env }, timeout: 60_000 });
    return { code: 0, lines: [], stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    const lines = (failed.stdout ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level?: number; msg?: string; err?: { message?: string } });
    return { code: failed.code ?? -1, lines, stderr: failed.stderr ?? '' };
  }
}

describe('a service that cannot start', () => {
  it.each(SERVICE_NAMES)('%s logs an invalid configuration, naming the variable, and exits 1', async (service) => {
    const result = await start(service, { HEALTH_PORT: 'ninety' });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/Unhandled|at .*\.ts:\d+/);
    expect(result.lines).toContainEqual(expect.objectContaining({ level: 60, msg: `${service} failed to start: invalid configuration` }));
    expect(result.lines.find((l) => l.level === 60)?.err?.message).toMatch(/HEALTH_PORT/);
  });

  it('logs a failure after it connected (the gateway without its TLS files) and exits 1', async () => {
    const result = await start('gateway', { HEALTH_PORT: '0', GRPC_PORT: '0', GRPC_TLS_CERT_FILE: '/nonexistent/cert.pem', GRPC_TLS_KEY_FILE: '/nonexistent/key.pem' });
    expect(result.code).toBe(1);
    const fatal = result.lines.find((l) => l.level === 60);
    expect(fatal?.msg).toBe('gateway failed to start');
    expect(fatal?.err?.message).toMatch(/cannot read GRPC_TLS_CERT_FILE \/nonexistent\/cert\.pem/);
  });
});
