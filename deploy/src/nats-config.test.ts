import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmTemplate } from './helm-cli.js';
import { byKindAndName, parseRendered, type K8sObject } from './rendered-objects.js';
import { REPO_ROOT } from './repo-paths.js';

// The NATS server configuration the chart renders (the official chart's nats.conf including our
// authorization file), run by a real nats-server with the passwords of the rendered Secret, laid
// out as in the pod: /etc/nats-config/nats.conf and /etc/magpie-nats-auth/authorization.conf.

const NATS_SERVER = join(REPO_ROOT, '.magpie/tools/bin/nats-server');
const RUN = 'run-1';

let dir: string;
let server: ChildProcess | undefined;
let url: string;
let monitorUrl: string;
let passwords: Record<string, string>;
const open: NatsConnection[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealthy(deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`nats-server exited with ${String(server?.exitCode)}`);
    const ok = await fetch(`${monitorUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error('nats-server did not become healthy');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function connectAs(user: string, pass = passwords[user]): Promise<NatsConnection> {
  const nc = await connect({ servers: url, user, pass, reconnect: false });
  open.push(nc);
  return nc;
}

function violations(nc: NatsConnection): string[] {
  const seen: string[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && 'subject' in status.error && 'operation' in status.error) seen.push(`${String(status.error.operation)} ${String(status.error.subject)}`);
    }
  })();
  return seen;
}

beforeAll(async () => {
  if (!existsSync(NATS_SERVER)) throw new Error(`nats-server is not installed at ${NATS_SERVER}: run bash scripts/setup.sh`);
  const objects = parseRendered(await helmTemplate());
  const data = (name: string) => (byKindAndName(objects, name.endsWith('users') ? 'Secret' : 'ConfigMap', name) as K8sObject & { data: Record<string, string> }).data;
  dir = mkdtempSync(join(tmpdir(), 'chart-nats-'));
  for (const sub of ['nats-config', 'magpie-nats-auth', 'data']) mkdirSync(join(dir, sub));
  // The pod's paths for the store and the pid file become temporary ones (nats-server refuses a
  // store_dir given both in the file and on the command line); everything else is as rendered.
  const conf = (data('magpie-nats-config')['nats.conf'] ?? '').replace('"/data"', JSON.stringify(join(dir, 'data'))).replace('"/var/run/nats/nats.pid"', JSON.stringify(join(dir, 'nats.pid')));
  expect(conf).toContain(join(dir, 'data'));
  writeFileSync(join(dir, 'nats-config/nats.conf'), conf);
  writeFileSync(join(dir, 'magpie-nats-auth/authorization.conf'), data('magpie-nats-auth')['authorization.conf'] ?? '');
  passwords = Object.fromEntries(Object.entries(data('magpie-nats-users')).map(([user, b64]) => [user, Buffer.from(b64, 'base64').toString()]));
  const env = { SERVER_NAME: 'magpie-nats-0', ...Object.fromEntries(Object.entries(passwords).map(([u, p]) => [`${u.toUpperCase()}_NATS_PASS`, p])) };
  const [port, monitorPort] = [await freePort(), await freePort()];
  url = `nats://127.0.0.1:${port}`;
  monitorUrl = `http://127.0.0.1:${monitorPort}`;
  // Free ports on the loopback address instead of 4222 and 8222.
  const args = ['-c', 'nats.conf', '-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort)];
  server = spawn(NATS_SERVER, args, { cwd: join(dir, 'nats-config'), env, stdio: 'ignore' });
  await waitForHealthy(20_000);
});

afterAll(async () => {
  await Promise.allSettled(open.map((nc) => nc.close()));
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the chart's NATS server configuration, run by nats-server", () => {
  it('lets each service in with its password from the Secret, and nobody without one', async () => {
    for (const user of ['gateway', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'admin']) await connectAs(user);
    await expect(connect({ servers: url, reconnect: false })).rejects.toThrow(/authoriz/i);
    await expect(connect({ servers: url, user: 'solver', pass: passwords.gateway, reconnect: false })).rejects.toThrow(/authoriz/i);
  });

  it("holds configs/nats's least privilege: the solver publishes solutions, not problems", async () => {
    const solver = await connectAs('solver');
    const seen = violations(solver);
    solver.publish(`records.v1.${RUN}.solution`, '{}');
    solver.publish(`records.v1.${RUN}.problem`, '{}');
    await solver.flush();
    const until = Date.now() + 5_000;
    while (!seen.includes(`publish records.v1.${RUN}.problem`) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([`publish records.v1.${RUN}.problem`]);
  });

  it("serves JetStream and the monitoring endpoint KEDA's nats-jetstream trigger reads (account $G)", async () => {
    const response = await fetch(`${monitorUrl}/jsz?acc=$G&consumers=true&config=true`);
    expect(response.status).toBe(200);
    const jsz = (await response.json()) as { config?: { store_dir?: string }; disabled?: boolean };
    expect(jsz.disabled).not.toBe(true);
    expect(jsz.config?.store_dir).toContain(dir);
  });
});
