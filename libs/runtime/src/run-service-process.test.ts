import { ConfigError, PlatformEnv, loadConfig } from '@magpie/config';
import { NatsServerFixture, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceProcess, type RunningService, type ServiceDeps } from './run-service-process.js';

// The bootstrap as a service process runs it, against a real nats-server: real HTTP for
// /healthz and /metrics, a real signal (SIGUSR2, so the test runner's own SIGTERM/SIGINT are left alone).
let nats: NatsServerFixture;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
});
afterAll(() => nats?.stop());

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly healthPort?: number;
  readonly err?: { message: string };
  readonly [field: string]: unknown;
}

function logSink(): { destination: { write(line: string): void }; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }, lines };
}

const env = (overrides: Record<string, string> = {}) => ({ NATS_URL: nats.url, HEALTH_PORT: '0', SHUTDOWN_GRACE_MS: '1000', ...overrides });

async function started(lines: LogLine[], name: string): Promise<number> {
  const line = await waitFor(`${name} started`, () => lines.find((l) => l.msg === `${name} started`), 10_000, 10);
  return line.healthPort ?? 0;
}

describe('runServiceProcess', () => {
  it('serves /healthz and /metrics once started, and on the signal stops the service, then NATS, exiting 0', async () => {
    const { destination, lines } = logSink();
    const events: string[] = [];
    let healthy = true;
    let deps: ServiceDeps<PlatformEnv> | undefined;
    const exit = runServiceProcess({
      name: 'svc',
      loadConfig: () => loadConfig(PlatformEnv, env()),
      signals: ['SIGUSR2'],
      logDestination: destination,
      start: (d): Promise<RunningService> => {
        deps = d;
        events.push(`start with NATS ${d.nc.isClosed() ? 'closed' : 'open'}`);
        return Promise.resolve({
          isHealthy: () => healthy,
          stop: (graceMs) => {
            events.push(`stop within ${graceMs} ms, NATS ${d.nc.isClosed() ? 'closed' : 'open'}`);
            return Promise.resolve();
          },
          startedFields: { grpcPort: 1234 },
        });
      },
    });
    const port = await started(lines, 'svc');
    expect(lines.find((l) => l.msg === 'svc started')).toMatchObject({ service: 'svc', grpcPort: 1234 });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    healthy = false;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('process_cpu_user_seconds_total{service="svc"}');
    process.kill(process.pid, 'SIGUSR2');
    expect(await exit).toBe(0);
    expect(events).toEqual(['start with NATS open', 'stop within 1000 ms, NATS open']);
    expect(deps?.nc.isClosed()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('logs a start that fails, closes what it had opened and exits 1', async () => {
    const { destination, lines } = logSink();
    let deps: ServiceDeps<PlatformEnv> | undefined;
    const code = await runServiceProcess({
      name: 'broken',
      loadConfig: () => loadConfig(PlatformEnv, env()),
      logDestination: destination,
      start: (d) => {
        deps = d;
        return Promise.reject(new Error('cannot read GRPC_TLS_CERT_FILE /nope.pem'));
      },
    });
    expect(code).toBe(1);
    expect(lines).toContainEqual(expect.objectContaining({ level: 60, msg: 'broken failed to start', err: expect.objectContaining({ message: 'cannot read GRPC_TLS_CERT_FILE /nope.pem' }) as unknown }));
    expect(deps?.nc.isClosed()).toBe(true);
  });

  it('exits 1 with the invalid variables named when the configuration does not parse', async () => {
    const { destination, lines } = logSink();
    let startedService = false;
    const code = await runServiceProcess({
      name: 'misconfigured',
      loadConfig: () => loadConfig(PlatformEnv, env({ HEALTH_PORT: 'ninety' })),
      logDestination: destination,
      start: () => {
        startedService = true;
        return Promise.reject(new Error('never'));
      },
    });
    expect(code).toBe(1);
    expect(startedService).toBe(false);
    const fatal = lines.find((l) => l.level === 60);
    expect(fatal?.msg).toBe('misconfigured failed to start: invalid configuration');
    expect(fatal?.err?.message).toMatch(/HEALTH_PORT/);
    expect(() => loadConfig(PlatformEnv, env({ HEALTH_PORT: 'ninety' }))).toThrow(ConfigError);
  });

  it('exits 1 when stopping fails, after closing the rest', async () => {
    const { destination, lines } = logSink();
    let deps: ServiceDeps<PlatformEnv> | undefined;
    const exit = runServiceProcess({
      name: 'stuck',
      loadConfig: () => loadConfig(PlatformEnv, env()),
      signals: ['SIGUSR2'],
      logDestination: destination,
      start: (d) => {
        deps = d;
        return Promise.resolve({ isHealthy: () => true, stop: () => Promise.reject(new Error('drain failed')) });
      },
    });
    await started(lines, 'stuck');
    process.kill(process.pid, 'SIGUSR2');
    expect(await exit).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['closing the service failed', 'stop failed']));
    expect(deps?.nc.isClosed()).toBe(true);
  });
});
