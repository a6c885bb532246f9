import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { FaultInjector, FaultSettingsError, NO_FAULTS, faultAt, type Fault, type FaultSettings } from './fault-injector.js';
import { LlmSimulator } from './llm-simulator.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const QWEN = 'Qwen/Qwen2.5-Math-72B-Instruct';
const BODY = JSON.stringify({ model: QWEN, prompt: 'hi', max_tokens: 8 });

async function withSim<T>(faults: Partial<FaultSettings>, use: (base: string, sim: LlmSimulator) => Promise<T>, seed = 5): Promise<T> {
  const sim = new LlmSimulator({ catalog, seed, faults });
  const base = `http://127.0.0.1:${await sim.start()}`;
  try {
    return await use(base, sim);
  } finally {
    await sim.stop();
  }
}

/**
 * What a client observes for one completions request. The timeout is generous so that only a hang
 * looks like one, even on a loaded machine; tests of hangs pass a short one.
 */
async function outcome(base: string, timeoutMs = 5_000): Promise<string> {
  try {
    const res = await fetch(`${base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (res.status !== 200) return `status ${res.status} retry-after ${res.headers.get('retry-after')}`;
    try {
      JSON.parse(text);
      return 'ok';
    } catch {
      return 'malformed';
    }
  } catch (err) {
    return (err as Error).name === 'TimeoutError' ? 'timeout' : 'connection error';
  }
}

/** What `outcome` reports for a fault. */
function expectedOutcome(fault: Fault): string {
  switch (fault.kind) {
    case 'none':
    case 'slow':
      return 'ok';
    case 'error':
      return `status ${fault.status} retry-after ${fault.status === 500 ? null : 1}`;
    case 'hang':
      return 'timeout';
    case 'reset':
      return 'connection error';
    case 'malformed':
      return 'malformed';
  }
}

/** Polls /metrics until the simulator has seen `count` completions requests arrive. */
async function waitForRequests(base: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await (await fetch(`${base}/metrics`)).text();
    const seen = Number(/magpie_sim_requests_total\{endpoint="\/v1\/completions"\} (\d+)/.exec(text)?.[1] ?? 0);
    if (seen >= count) return;
    if (Date.now() > deadline) throw new Error(`the simulator saw ${seen} of ${count} requests`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('FaultInjector', () => {
  it('gives the same fault sequence for the same seed, and rates close to the settings', () => {
    const settings = { ...NO_FAULTS, error: 0.1, hang: 0.1, slow: 0.1, malformed: 0.1, reset: 0.1 };
    const draw = (): string[] => {
      const f = new FaultInjector({ seed: 9, settings });
      return Array.from({ length: 5000 }, () => {
        const fault = f.next();
        return fault.kind === 'error' ? `error_${fault.status}` : fault.kind;
      });
    };
    const a = draw();
    expect(draw()).toEqual(a);
    for (const kind of ['hang', 'slow', 'malformed', 'reset']) expect(Math.abs(a.filter((k) => k === kind).length / 5000 - 0.1)).toBeLessThan(0.02);
    expect(a.filter((k) => k.startsWith('error_')).length / 5000).toBeCloseTo(0.1, 1);
    expect(new Set(a.filter((k) => k.startsWith('error_')))).toEqual(new Set(['error_500', 'error_503', 'error_429']));
    expect(a.filter((k) => k === 'none').length / 5000).toBeCloseTo(0.5, 1);
  });

  it.each([{ error: 1.5 }, { error: 0.6, reset: 0.6 }, { slowFactor: 0.5 }, { hang: -0.1 }])('refuses %j', (patch) => {
    expect(() => new FaultInjector({ seed: 1, settings: { ...NO_FAULTS, ...patch } })).toThrow(FaultSettingsError);
  });
});

describe('fault injection over HTTP', () => {
  it('answers errors as 500, 503 or 429, the last two with Retry-After: 1, in vLLM’s error shape', async () => {
    await withSim({ error: 1 }, async (base) => {
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) seen.add(await outcome(base));
      expect(seen).toEqual(new Set(['status 500 retry-after null', 'status 503 retry-after 1', 'status 429 retry-after 1']));
      const res = await fetch(`${base}/classify`, { method: 'POST', body: JSON.stringify({ input: 'x' }) });
      expect(await res.json()).toMatchObject({ error: { code: res.status, param: null } });
    });
  });

  it('hangs until the client gives up, resets connections and sends malformed bodies', async () => {
    await withSim({ hang: 1 }, async (base) => {
      expect(await outcome(base, 150)).toBe('timeout');
      const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0, timeout: 150 });
      await expect(client.completions.create({ model: QWEN, prompt: 'hi' })).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    });
    await withSim({ reset: 1 }, async (base) => {
      expect(await outcome(base)).toBe('connection error');
      const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 });
      await expect(client.completions.create({ model: QWEN, prompt: 'hi' })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    });
    await withSim({ malformed: 1 }, async (base) => {
      expect(await outcome(base)).toBe('malformed');
    });
  });

  it('slows a request down by the slow factor', async () => {
    await withSim({ slow: 1, slowFactor: 3 }, async (base) => {
      const started = performance.now();
      expect(await outcome(base, 5000)).toBe('ok');
      // Instant timing: the latency floor of 100 ms times (3 − 1).
      expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    });
  });

  it('is reproducible: the k-th request gets faultAt(seed, k), whatever the timing', async () => {
    const rates = { ...NO_FAULTS, error: 0.15, hang: 0.08, malformed: 0.15, reset: 0.15 };
    const expected = Array.from({ length: 25 }, (_, i) => expectedOutcome(faultAt(77, i + 1, rates)));
    const run = (): Promise<string[]> =>
      withSim(rates, async (base) => {
        const seen: string[] = [];
        // A generous timeout: only a hang may look like one, even on a loaded machine.
        for (let i = 0; i < 25; i++) seen.push(await outcome(base, 2_500));
        return seen;
      }, 77);
    const first = await run();
    console.log(`fault sequence under seed 77: ${first.join(', ')}`);
    expect(first).toEqual(expected);
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('draws faults in arrival order, not in the order request bodies finish', async () => {
    const rates = { ...NO_FAULTS, error: 0.5 };
    // A seed whose first two requests get different outcomes, so a swap would show.
    const seed = [...Array(100).keys()].find((s) => expectedOutcome(faultAt(s, 1, rates)) !== expectedOutcome(faultAt(s, 2, rates))) ?? 0;
    await withSim(rates, async (base) => {
      const port = Number(new URL(base).port);
      // Request A sends its headers and holds its body back; B arrives whole, and only then A's body.
      const a = new Promise<string>((resolve, reject) => {
        const req = request({ port, method: 'POST', path: '/v1/completions', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200 ? 'ok' : `status ${res.statusCode} retry-after ${res.headers['retry-after'] ?? null}`));
        });
        req.on('error', reject);
        req.flushHeaders();
        void waitForRequests(base, 1).then(async () => {
          seenB = await outcome(base, 5_000);
          req.end(BODY);
        });
      });
      let seenB = '';
      const seenA = await a;
      expect([seenA, seenB]).toEqual([expectedOutcome(faultAt(seed, 1, rates)), expectedOutcome(faultAt(seed, 2, rates))]);
    }, seed);
  });

  it('changes rates at runtime through /admin/faults, never faults control endpoints, and counts faults in /metrics', async () => {
    await withSim({}, async (base) => {
      const admin = (body?: object): Promise<Response> =>
        fetch(`${base}/admin/faults`, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
      expect(await (await admin()).json()).toEqual({ error_rate: 0, hang_rate: 0, slow_rate: 0, slow_factor: 10, malformed_rate: 0, reset_rate: 0 });
      expect(await outcome(base)).toBe('ok');
      const set = await admin({ malformed_rate: 1 });
      expect(await set.json()).toMatchObject({ malformed_rate: 1, error_rate: 0 });
      expect(await outcome(base)).toBe('malformed');
      expect(await outcome(base)).toBe('malformed');
      expect((await admin({ error_rate: 0.5 })).status).toBe(400);
      expect((await admin({ error_rate: 'high' })).status).toBe(400);
      expect((await admin({ eror_rate: 0.1 })).status).toBe(400);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/v1/models`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('magpie_sim_faults_total{kind="malformed"} 2');
      expect(metrics).toContain('magpie_sim_faults_total{kind="hang"} 0');
      await admin({ malformed_rate: 0 });
      expect(await outcome(base)).toBe('ok');
    });
  });
});
