import { createServer } from 'node:net';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { ReplicaStartError, startReplicas, type ReplicaSet } from './start-replicas.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const QWEN = 'Qwen/Qwen2.5-Math-72B-Instruct';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Three consecutive free ports can be taken between probe and bind, so a few bases are tried. */
async function startThree(): Promise<ReplicaSet> {
  for (let attempt = 0; ; attempt++) {
    const basePort = await freePort();
    if (basePort > 65_000) continue;
    try {
      return await startReplicas({ catalog, count: 3, basePort, seed: 10 });
    } catch (err) {
      if (!(err instanceof ReplicaStartError) || attempt >= 5) throw err;
    }
  }
}

describe('startReplicas', () => {
  it('serves on three consecutive ports with distinct outputs for the same unseeded request', async () => {
    const set = await startThree();
    try {
      const ports = set.replicas.map((r) => r.port);
      expect(ports).toEqual([ports[0], (ports[0] ?? 0) + 1, (ports[0] ?? 0) + 2]);
      const messages = [{ role: 'user' as const, content: 'Solve for x: 7x - 4 = 24.' }];
      const answers = await Promise.all(
        set.replicas.map(async (r) => {
          const client = new OpenAI({ baseURL: `${r.url}/v1`, apiKey: 'x', maxRetries: 0 });
          const res = await client.chat.completions.create({ model: QWEN, messages, n: 2 });
          return JSON.stringify(res.choices.map((c) => c.message.content));
        }),
      );
      expect(new Set(answers).size).toBe(3);
      for (const r of set.replicas) expect((await fetch(`${r.url}/health`)).status).toBe(200);
    } finally {
      await set.stop();
    }
  });

  it('refuses a port in use and leaves nothing running', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const error: unknown = await startReplicas({ catalog, count: 2, basePort: port - 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplicaStartError);
      // Replica 0 (port − 1) was started and must have been stopped again.
      const probe = createServer();
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen(port - 1, '127.0.0.1', () => probe.close(() => resolve()));
      });
    } finally {
      blocker.close();
    }
  });
});
