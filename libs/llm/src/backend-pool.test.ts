import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendPool } from './backend-pool.js';
import { BackendError } from './errors.js';
import { readVllmLoad } from './vllm-metrics.js';

// Real HTTP servers stand in for replicas' /health and /metrics; calls themselves are plain
// async functions so each test controls timing exactly.
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function replicaServer(state: { healthy: boolean; waiting: number; running?: number }): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url === '/health') res.writeHead(state.healthy ? 200 : 503).end();
    else if (req.url === '/metrics') {
      const running = state.running === undefined ? '' : `vllm:num_requests_running{model_name="m"} ${state.running}\n`;
      res.writeHead(200).end(`# TYPE vllm:num_requests_waiting gauge\nvllm:num_requests_waiting{model_name="m"} ${state.waiting}\n${running}`);
    }
    else res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const window = { initial: 2, min: 1, max: 4, targetWaiting: 1 };
const one = { sequences: 1 };

describe('BackendPool', () => {
  it('sends each call to the replica with the fewest outstanding and caps each at its window', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1', 'http://b/v1'], createClient: (u) => u, window, probeIntervalMs: 0 });
    const gate = deferred();
    const used: string[] = [];
    const calls = Array.from({ length: 5 }, () => pool.run(one, async (url) => { used.push(url); await gate.promise; }));
    // The four that fit start; the fifth waits for capacity until the gate opens.
    await vi.waitFor(() => expect(used).toHaveLength(4));
    expect(used.sort()).toEqual(['http://a/v1', 'http://a/v1', 'http://b/v1', 'http://b/v1']);
    expect(pool.stats().map((s) => s.outstanding)).toEqual([2, 2]);
    gate.resolve();
    await Promise.all(calls);
    expect(used).toHaveLength(5);
  });

  it('keeps one affinity key on one replica while it has room', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1', 'http://b/v1', 'http://c/v1'], createClient: (u) => u, window, probeIntervalMs: 0 });
    const used = new Set<string>();
    for (let i = 0; i < 6; i++) await pool.run({ affinity: 'run:problem:7', sequences: 1 }, (url) => Promise.resolve(used.add(url)));
    expect(used.size).toBe(1);
  });

  it('halves a replica window on 429 and grows it while calls fill it', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 4, min: 1, max: 8, targetWaiting: 1 }, probeIntervalMs: 0 });
    await expect(pool.run(one, () => Promise.reject(new BackendError('busy', { retryable: true, status: 429 })))).rejects.toThrow('busy');
    expect(pool.stats()[0]?.window).toBe(2);
    const gate = deferred();
    const calls = [pool.run(one, () => gate.promise), pool.run(one, () => gate.promise)];
    gate.resolve();
    await Promise.all(calls);
    expect(pool.stats()[0]?.window).toBeGreaterThan(2);
  });

  it('takes an unhealthy replica out and puts it back when /health recovers', async () => {
    const aState = { healthy: true, waiting: 0 };
    const bState = { healthy: false, waiting: 0 };
    const a = await replicaServer(aState);
    const b = await replicaServer(bState);
    const changes: string[] = [];
    const pool = new BackendPool({
      baseUrls: [a, b],
      createClient: (u) => u,
      window,
      probeIntervalMs: 0,
      onReplicaChange: (e) => changes.push(`${e.baseUrl === a ? 'a' : 'b'}:${e.healthy}`),
    });
    await pool.probeOnce();
    const used = new Set<string>();
    for (let i = 0; i < 4; i++) await pool.run({ affinity: `k${i}`, sequences: 1 }, (url) => Promise.resolve(used.add(url)));
    expect([...used]).toEqual([a]);
    bState.healthy = true;
    await pool.probeOnce();
    expect(pool.stats().map((s) => s.healthy)).toEqual([true, true]);
    expect(changes).toEqual(['b:false', 'b:true']);
  });

  it('takes a replica out after several unanswered calls in a row, not after one', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1', 'http://b/v1'], createClient: (u) => u, window, probeIntervalMs: 0 });
    const lost = () => Promise.reject(new BackendError('connection reset', { retryable: true }));
    await expect(pool.run({ affinity: 'x', sequences: 1 }, lost)).rejects.toThrow();
    expect(pool.stats().every((s) => s.healthy)).toBe(true);
    await expect(pool.run({ affinity: 'x', sequences: 1 }, lost)).rejects.toThrow();
    await expect(pool.run({ affinity: 'x', sequences: 1 }, lost)).rejects.toThrow();
    expect(pool.stats().filter((s) => !s.healthy)).toHaveLength(1);
    expect(pool.hasHealthyReplica).toBe(true);
  });

  it('shrinks the window of a replica whose queue is above the target by its share, and grows it back once the queue drains', async () => {
    const state = { healthy: true, waiting: 13, running: 8 };
    const pool = new BackendPool({ baseUrls: [await replicaServer(state)], createClient: (u) => u, window: { initial: 8, min: 1, max: 8, targetWaiting: 1 }, probeIntervalMs: 0 });
    const gate = deferred();
    const calls = Array.from({ length: 8 }, () => pool.run(one, () => gate.promise));
    // 12 over the target, this pool holds 8 of the 21 sequences: 0.5 × 12 × 8/21 ≈ 2.3 fewer.
    await pool.probeOnce();
    expect(pool.stats()[0]?.window).toBe(5);
    state.waiting = 0;
    await pool.probeOnce();
    expect(pool.stats()[0]?.window).toBe(6);
    gate.resolve();
    await Promise.all(calls);
  });

  it('lets a waiting caller give up through its signal', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 1, min: 1, max: 1, targetWaiting: 1 }, probeIntervalMs: 0 });
    const gate = deferred();
    const first = pool.run(one, () => gate.promise);
    const abort = new AbortController();
    const second = pool.run({ sequences: 1, signal: abort.signal }, () => Promise.resolve());
    abort.abort();
    await expect(second).rejects.toThrow(/abandoned/);
    gate.resolve();
    await first;
  });
});

describe('BackendPool sequence windows', () => {
  it('weighs a call by its sequences: a window of 8 holds one n=5 call and three single ones', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 8, min: 1, max: 8, targetWaiting: 1 }, probeIntervalMs: 0 });
    const gate = deferred();
    const started: string[] = [];
    const call = (name: string, sequences: number) => pool.run({ sequences }, async () => { started.push(name); await gate.promise; });
    const calls = [call('n5', 5), call('a', 1), call('b', 1), call('c', 1), call('d', 1)];
    await vi.waitFor(() => expect(started).toHaveLength(4));
    expect(started).toEqual(['n5', 'a', 'b', 'c']);
    expect(pool.stats()[0]?.outstanding).toBe(8);
    gate.resolve();
    await Promise.all(calls);
    expect(started).toHaveLength(5);
    expect(pool.maxSequences).toBe(8);
  });

  it('runs a call heavier than the whole window alone rather than never', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 4, min: 1, max: 4, targetWaiting: 1 }, probeIntervalMs: 0 });
    const gate = deferred();
    const started: string[] = [];
    const heavy = pool.run({ sequences: 16 }, async () => { started.push('heavy'); await gate.promise; });
    const light = pool.run(one, () => Promise.resolve(started.push('light')));
    await vi.waitFor(() => expect(started).toHaveLength(1));
    expect(started).toEqual(['heavy']);
    gate.resolve();
    await Promise.all([heavy, light]);
    expect(started).toEqual(['heavy', 'light']);
  });

  it('keeps FIFO order: a waiting heavy call is not overtaken by lighter ones', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 4, min: 1, max: 4, targetWaiting: 1 }, probeIntervalMs: 0 });
    const gate = deferred();
    const order: string[] = [];
    const first = pool.run({ sequences: 2 }, async () => { order.push('first'); await gate.promise; });
    const heavy = pool.run({ sequences: 4 }, () => Promise.resolve(order.push('heavy')));
    const light = pool.run(one, () => Promise.resolve(order.push('light')));
    await vi.waitFor(() => expect(order).toHaveLength(1));
    expect(order).toEqual(['first']);
    gate.resolve();
    await Promise.all([first, heavy, light]);
    expect(order).toEqual(['first', 'heavy', 'light']);
  });
});

describe('readVllmLoad', () => {
  it("sums vLLM's gauges over models, ignoring look-alike names, comments and timestamps", () => {
    const text = [
      '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
      '# TYPE vllm:num_requests_waiting gauge',
      'vllm:num_requests_waiting{model_name="a",engine="0"} 2',
      'vllm:num_requests_waiting{model_name="b} {odd"} 1.0 1700000000000',
      'vllm:num_requests_waiting_by_reason{reason="capacity"} 9',
      'vllm:num_requests_running{model_name="a"} 7',
      '',
    ].join('\n');
    expect(readVllmLoad(text)).toEqual({ waiting: 3, running: 7 });
  });

  it('reports what a server does not export as undefined', () => {
    expect(readVllmLoad('other_metric 1\n')).toEqual({ waiting: undefined, running: undefined });
    expect(readVllmLoad('vllm:num_requests_waiting{broken 3\n')).toEqual({ waiting: undefined, running: undefined });
  });
});
