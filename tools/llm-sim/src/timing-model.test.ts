import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { LlmSimulator } from './llm-simulator.js';
import { A100_32B_TIMING, decodeMsPerToken } from './timing-params.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const R1 = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
/** Fast enough for CI, slow enough that one answer (~70 tokens) lasts ~180 ms of wall time. */
const TIME_SCALE = 10;
/** Greedy and identical, so every sequence has the same number of tokens and the expected times are exact. */
const MESSAGES = [{ role: 'user' as const, content: 'Solve for x: 3x + 7 = 22.' }];
const PARAMS = { ...A100_32B_TIMING, maxNumSeqs: 4 };

interface SimStats {
  requests: number;
  sequences: number;
  busySlotSeconds: number;
  busySlotWallSeconds: number;
  queuePeak: number;
  maxNumSeqs: number;
  timeScale: number;
}

async function startTimed(schedulingPolicy: 'fcfs' | 'priority' = 'fcfs'): Promise<{ sim: LlmSimulator; base: string; client: OpenAI }> {
  // The ideal profile keeps outputs short and every model on PARAMS, so times can be worked out by hand.
  const sim = new LlmSimulator({ catalog, profile: 'ideal', timeScale: TIME_SCALE, timing: PARAMS, schedulingPolicy });
  const base = `http://127.0.0.1:${await sim.start()}`;
  return { sim, base, client: new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 }) };
}

function chat(client: OpenAI): Promise<OpenAI.ChatCompletion> {
  return client.chat.completions.create({ model: R1, messages: MESSAGES, temperature: 0, seed: 1 });
}

function serviceMs(res: OpenAI.ChatCompletion, runningSeqs: number): number {
  return (res.usage?.prompt_tokens ?? 0) * PARAMS.prefillMsPerToken + (res.usage?.completion_tokens ?? 0) * decodeMsPerToken(PARAMS, runningSeqs);
}

function gauge(metrics: string, name: string): number {
  const m = new RegExp(`^${name}\\{model_name="${R1}"\\} (\\S+)$`, 'm').exec(metrics);
  return Number(m?.[1] ?? Number.NaN);
}

describe('continuous-batching timing model over HTTP', () => {
  it('times a lone request as prefill + tokens × decode(1), divided by timeScale', async () => {
    const s = await startTimed();
    try {
      // Warm the connection and the code paths so the measurement is the model's time, not first-call cost.
      await s.client.models.list();
      const started = performance.now();
      const res = await chat(s.client);
      const wallMs = performance.now() - started;
      const expectedMs = serviceMs(res, 1) / TIME_SCALE;
      console.log(`lone request (${res.usage?.completion_tokens} tokens): expected ${expectedMs.toFixed(1)} ms wall, measured ${wallMs.toFixed(1)} ms`);
      expect(wallMs).toBeGreaterThanOrEqual(expectedMs * 0.97);
      // No upper bound: a loaded machine only makes it slower; the bench measures real timing.
    } finally {
      await s.sim.stop();
    }
  });

  it('queues above maxNumSeqs and accounts busy slot-seconds as the sum of service times', async () => {
    const s = await startTimed();
    try {
      const started = performance.now();
      const pending = Array.from({ length: 8 }, () => chat(s.client).then((r) => ({ r, ms: performance.now() - started })));
      // Sample the gauges while the first wave is running: poll until all 8 have arrived (a busy
      // machine may take a moment to send them), well within the first wave.
      let during = '';
      for (let i = 0; i < 40; i++) {
        during = await (await fetch(`${s.base}/metrics`)).text();
        if (gauge(during, 'vllm:num_requests_running') + gauge(during, 'vllm:num_requests_waiting') >= 8) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const done = await Promise.all(pending);
      expect(gauge(during, 'vllm:num_requests_running')).toBe(4);
      expect(gauge(during, 'vllm:num_requests_waiting')).toBe(4);
      expect(gauge(during, 'vllm:kv_cache_usage_perc')).toBe(1);

      const stats = (await (await fetch(`${s.base}/sim/stats`)).json()) as SimStats;
      // Every sequence ran with 4 in the batch: its service time is prefill + tokens × decode(4).
      const services = done.map(({ r }) => serviceMs(r, 4));
      const expectedBusySeconds = services.reduce((a, b) => a + b, 0) / 1000;
      console.log(`8 requests on 4 slots: busy slot-seconds ${stats.busySlotSeconds.toFixed(2)} simulated (expected ${expectedBusySeconds.toFixed(2)}), ${stats.busySlotWallSeconds.toFixed(3)} wall; queue peak ${stats.queuePeak}; slowest request ${Math.max(...done.map((d) => d.ms)).toFixed(0)} ms wall`);
      expect(stats).toMatchObject({ requests: 8, sequences: 8, queuePeak: 4, maxNumSeqs: 4, timeScale: TIME_SCALE });
      // Timer lateness on a busy machine can stretch slot occupancy a little; the model itself is exact (see batch-scheduler.test.ts).
      expect(Math.abs(stats.busySlotSeconds - expectedBusySeconds) / expectedBusySeconds).toBeLessThan(0.15);
      expect(stats.busySlotWallSeconds).toBeCloseTo(stats.busySlotSeconds / TIME_SCALE, 6);
      // The second wave waited a whole service time: its latency is about two of them.
      const oneWaveMs = (services[0] ?? 0) / TIME_SCALE;
      const latencies = done.map((d) => d.ms).sort((a, b) => a - b);
      // The second wave waited for the first: it cannot finish sooner than two service times.
      expect(latencies[7]).toBeGreaterThan(oneWaveMs * 1.9);
      expect(latencies[7]).toBeGreaterThan((latencies[3] ?? 0) * 1.4);

      const after = await (await fetch(`${s.base}/metrics`)).text();
      expect(gauge(after, 'vllm:num_requests_running')).toBe(0);
      expect(gauge(after, 'vllm:num_requests_waiting')).toBe(0);
      expect(after).toMatch(/^vllm:request_queue_time_seconds_count\{model_name="[^"]+R1[^"]*"\} 8$/m);
      expect(after).toContain('magpie_sim_slots 4');
      expect(after).toMatch(/^magpie_sim_busy_slot_seconds_total\{clock="simulated"\} [1-9]/m);
      for (const h of ['vllm:e2e_request_latency_seconds', 'vllm:time_to_first_token_seconds', 'vllm:request_queue_time_seconds']) {
        expect(after).toContain(`# TYPE ${h} histogram`);
      }
    } finally {
      await s.sim.stop();
    }
  });

  it('counts waiting and running in sequences, as vLLM does for n > 1', async () => {
    const s = await startTimed();
    try {
      const pending = [s.client.chat.completions.create({ model: R1, messages: MESSAGES, n: 6, temperature: 0, seed: 1 })];
      let during = '';
      for (let i = 0; i < 40; i++) {
        during = await (await fetch(`${s.base}/metrics`)).text();
        if (gauge(during, 'vllm:num_requests_running') + gauge(during, 'vllm:num_requests_waiting') >= 6) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await Promise.all(pending);
      expect(gauge(during, 'vllm:num_requests_running')).toBe(4);
      expect(gauge(during, 'vllm:num_requests_waiting')).toBe(2);
    } finally {
      await s.sim.stop();
    }
  });

  it("refuses a non-zero priority under fcfs with vLLM's message, and serves lower priorities first under the priority policy", async () => {
    const fcfs = await startTimed();
    try {
      const res = await fetch(`${fcfs.base}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: R1, messages: MESSAGES, priority: 2 }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Got priority 2 but Priority scheduling is not enabled.');
    } finally {
      await fcfs.sim.stop();
    }
    const s = await startTimed('priority');
    try {
      const finished: string[] = [];
      const call = (name: string, priority: number) =>
        s.client.chat.completions
          .create({ model: R1, messages: MESSAGES, temperature: 0, seed: 1, priority } as OpenAI.ChatCompletionCreateParamsNonStreaming)
          .then(() => finished.push(name));
      // Four fill the slots; then four upstream calls queue before one downstream call.
      const first = Array.from({ length: 4 }, (_, i) => call(`busy-${i}`, 3));
      for (let i = 0; i < 40; i++) {
        if (gauge(await (await fetch(`${s.base}/metrics`)).text(), 'vllm:num_requests_running') >= 4) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const upstream = Array.from({ length: 4 }, (_, i) => call(`generator-${i}`, 3));
      for (let i = 0; i < 40; i++) {
        if (gauge(await (await fetch(`${s.base}/metrics`)).text(), 'vllm:num_requests_waiting') >= 4) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const downstream = call('reward', 0);
      await Promise.all([...first, ...upstream, downstream]);
      // The reward call arrived last but ran in the second wave, ahead of three generator calls.
      expect(finished.indexOf('reward')).toBeLessThan(finished.indexOf('generator-3'));
      expect(finished.slice(4)).toContain('reward');
      expect(finished.slice(-1)[0]).toMatch(/^generator-/);
    } finally {
      await s.sim.stop();
    }
  });
});
