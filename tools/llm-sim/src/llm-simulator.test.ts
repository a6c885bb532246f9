import { answersEqual, extractFinalAnswer } from '@magpie/answers';
import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmSimulator } from './llm-simulator.js';
import { ProblemRegistry } from './problems/problem-registry.js';
import { Rng } from './rng.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const R1 = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
const QWEN = 'Qwen/Qwen2.5-Math-72B-Instruct';
const REWARD = 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2';
const registry = new ProblemRegistry();

/** vLLM sampling extras the OpenAI types do not know about. */
type VllmCompletionParams = OpenAI.CompletionCreateParamsNonStreaming & {
  stop_token_ids: number[];
  add_special_tokens: boolean;
  include_stop_str_in_output?: boolean;
  skip_special_tokens?: boolean;
};

interface Started {
  readonly sim: LlmSimulator;
  readonly base: string;
  readonly client: OpenAI;
}

async function startSim(options: { seed?: number; reasoningParser?: boolean; accuracy?: number } = {}): Promise<Started> {
  // These tests pin the ideal profile's plumbing behaviour; realistic-profile.test.ts covers the default.
  const sim = new LlmSimulator({ catalog, port: 0, profile: 'ideal', ...options });
  const port = await sim.start();
  const base = `http://127.0.0.1:${port}`;
  return { sim, base, client: new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 }) };
}

async function postJson(base: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

function magpieParams(modelId: string, domain: string, subtopic: string): VllmCompletionParams {
  const model = catalog.models.get(modelId);
  const pre = renderPreQuery(model, catalog.domains.subtopic(domain, subtopic).systemPrompt);
  return {
    model: model.id,
    prompt: pre.prompt,
    max_tokens: 512,
    n: 3,
    temperature: 1.2,
    top_p: 1,
    stop: pre.stop,
    stop_token_ids: pre.stopTokenIds,
    add_special_tokens: pre.addSpecialTokens,
    include_stop_str_in_output: false,
  };
}

describe('LlmSimulator over HTTP', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startSim({ seed: 11 });
  });
  afterAll(async () => {
    await s.sim.stop();
  });

  it('lists every catalog model and reward model', async () => {
    const page = await s.client.models.list();
    expect(page.data.map((m) => m.id)).toEqual([...catalog.models.ids, ...catalog.models.rewardIds, 'sentence-transformers/all-mpnet-base-v2', 'sentence-transformers/all-MiniLM-L6-v2']);
    expect(page.data.every((m) => m.owned_by === 'vllm' && m.object === 'model')).toBe(true);
  });

  it('answers a Magpie pre-query prompt with a problem of the steered subtopic', async () => {
    const res = await s.client.completions.create(magpieParams(R1, 'algebra', 'linear_equations'));
    expect(res.object).toBe('text_completion');
    expect(res.model).toBe(R1);
    expect(res.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    for (const choice of res.choices) {
      expect(choice.finish_reason).toBe('stop');
      expect(choice.logprobs).toBeNull();
      expect(choice.text).not.toContain('<｜');
      expect(choice.text).not.toContain('assistant');
      expect(registry.solve(choice.text)?.family).toBe('linear-equation');
    }
    expect(res.usage?.total_tokens).toBe((res.usage?.prompt_tokens ?? 0) + (res.usage?.completion_tokens ?? 0));
  });

  it('shows the trailing junk when the client forgets its stops, and truncates at max_tokens', async () => {
    const { prompt } = renderPreQuery(catalog.models.get(QWEN), undefined);
    const loose = await s.client.completions.create({ model: QWEN, prompt, max_tokens: 1000, seed: 5 });
    expect(loose.choices[0]?.text).toMatch(/assistant/i);
    const short = await s.client.completions.create({ model: QWEN, prompt, seed: 5 });
    expect(short.choices[0]?.finish_reason).toBe('length');
    expect(short.choices[0]?.text.length).toBe(16 * 4);
  });

  it('counts and tolerates a double BOS', async () => {
    const params = { ...magpieParams(R1, 'geometry', 'circles'), add_special_tokens: true, n: 1 };
    const res = await s.client.completions.create(params);
    expect(res.choices).toHaveLength(1);
    const metrics = await (await fetch(`${s.base}/metrics`)).text();
    expect(metrics).toContain(`magpie_sim_double_bos_total{model_name="${R1}"} 1`);
  });

  it('answers chat with n=5 step-by-step solutions ending in \\boxed{}', async () => {
    const problem = registry.generate(new Rng(5), 'calculus', 'derivatives');
    const res = await s.client.chat.completions.create({ model: R1, messages: [{ role: 'user', content: problem.text }], n: 5, temperature: 0.8, max_tokens: 4096 });
    expect(res.object).toBe('chat.completion');
    expect(res.choices).toHaveLength(5);
    for (const choice of res.choices) {
      const content = choice.message.content ?? '';
      expect(content.startsWith('<think>\n')).toBe(true);
      expect(content).toContain('\n</think>\n\n');
      expect(content).toMatch(/\\boxed\{[^}]+\}\$\.$/);
      expect(choice.finish_reason).toBe('stop');
    }
    expect(new Set(res.choices.map((c) => c.message.content)).size).toBeGreaterThan(1);
    expect(res.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('scores correct answers above wrong ones on /classify', async () => {
    const rng = new Rng(8);
    const raw: { right: number[]; wrong: number[] } = { right: [], wrong: [] };
    for (let i = 0; i < 60; i++) {
      const problem = registry.generate(rng);
      const right = i % 2 === 0;
      const answer = right ? problem.answer : `${problem.answer}1`;
      const { status, json } = await postJson(s.base, '/classify', {
        model: REWARD,
        messages: [{ role: 'user', content: problem.text }, { role: 'assistant', content: `So the answer is $\\boxed{${answer}}$.` }],
        use_activation: false,
      });
      expect(status).toBe(200);
      const body = json as { object: string; data: { index: number; label: string; probs: number[]; num_classes: number }[] };
      expect(body.object).toBe('list');
      expect(body.data[0]).toMatchObject({ index: 0, label: 'LABEL_0', num_classes: 1 });
      (right ? raw.right : raw.wrong).push(body.data[0]?.probs[0] ?? Number.NaN);
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(raw.right)).toBeGreaterThan(1.5);
    expect(mean(raw.wrong)).toBeLessThan(-0.5);
  });

  it('returns sigmoid probabilities by default and accepts input strings', async () => {
    const { status, json } = await postJson(s.base, '/classify', { model: REWARD, input: ['Solve for x: 2x = 8. \\boxed{4}', 'hello'] });
    expect(status).toBe(200);
    const probs = (json as { data: { probs: number[] }[] }).data.map((d) => d.probs[0] ?? -1);
    expect(probs).toHaveLength(2);
    for (const p of probs) expect(p > 0 && p < 1).toBe(true);
  });

  it('serves /health and Prometheus /metrics', async () => {
    const health = await fetch(`${s.base}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('');
    const metrics = await (await fetch(`${s.base}/metrics`)).text();
    for (const name of ['vllm:num_requests_running', 'vllm:num_requests_waiting', 'vllm:prompt_tokens_total', 'vllm:generation_tokens_total', 'vllm:request_success_total', 'vllm:e2e_request_latency_seconds_bucket', 'magpie_sim_double_bos_total', 'magpie_sim_requests_total']) {
      expect(metrics).toContain(`\n${name}{`);
    }
    expect(metrics).toMatch(/magpie_sim_requests_total\{endpoint="\/v1\/completions"\} [1-9]/);
    expect(metrics).toMatch(new RegExp(`vllm:generation_tokens_total\\{model_name="${R1}"\\} [1-9]`));
  });

  it.each([
    { name: 'a wrong-typed field', path: '/v1/completions', body: { model: QWEN, prompt: 'hi', max_tokens: 'lots' }, status: 400, type: 'BadRequestError' },
    { name: 'a missing prompt', path: '/v1/completions', body: { model: QWEN }, status: 400, type: 'BadRequestError' },
    { name: 'wrong-typed messages', path: '/v1/chat/completions', body: { model: QWEN, messages: 'hi' }, status: 400, type: 'BadRequestError' },
    { name: 'an unknown model', path: '/v1/chat/completions', body: { model: 'nope', messages: [{ role: 'user', content: 'hi' }] }, status: 404, type: 'NotFoundError' },
    { name: 'an unknown reward model', path: '/classify', body: { model: QWEN, input: 'hi' }, status: 404, type: 'NotFoundError' },
  ])('answers $name with a vLLM-shaped error', async ({ path, body, status, type }) => {
    const res = await postJson(s.base, path, body);
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error: { type, code: status, param: null } });
  });

  it('answers invalid JSON with 400 and ignores unknown fields', async () => {
    const bad = await fetch(`${s.base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    const extra = await postJson(s.base, '/v1/completions', { model: QWEN, prompt: 'hi', frobnicate: true, min_p: 0.1 });
    expect(extra.status).toBe(200);
  });

  it('surfaces a 404 through the openai client as NotFoundError', async () => {
    await expect(s.client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('LlmSimulator behaviour', () => {
  it('gets roughly SIM_ACCURACY of its own solutions right', async () => {
    const s = await startSim({ seed: 21, accuracy: 0.8 });
    try {
      const rng = new Rng(77);
      const problems = Array.from({ length: 100 }, () => registry.generate(rng));
      const responses = await Promise.all(
        problems.map((p) => s.client.chat.completions.create({ model: QWEN, messages: [{ role: 'user', content: p.text }], n: 5, temperature: 0.7 })),
      );
      let correct = 0;
      responses.forEach((res, i) => {
        for (const choice of res.choices) {
          const answer = extractFinalAnswer(choice.message.content ?? '');
          if (answer !== undefined && answersEqual(answer, problems[i]?.answer ?? '')) correct++;
        }
      });
      const rate = correct / 500;
      console.log(`measured accuracy over 500 samples at SIM_ACCURACY=0.8: ${rate.toFixed(3)}`);
      expect(Math.abs(rate - 0.8)).toBeLessThanOrEqual(0.05);
    } finally {
      await s.sim.stop();
    }
  });

  it('is deterministic: same seed and request give the same output, across instances', async () => {
    const [a, b] = await Promise.all([startSim({ seed: 3 }), startSim({ seed: 3 })]);
    try {
      const params = { ...magpieParams(QWEN, 'statistics', 'probability'), seed: 42 };
      const [x, y, z] = await Promise.all([a.client.completions.create(params), a.client.completions.create(params), b.client.completions.create(params)]);
      const texts = (r: OpenAI.Completion): string[] => r.choices.map((c) => c.text);
      expect(texts(x)).toEqual(texts(y));
      expect(texts(x)).toEqual(texts(z));
      // Without a request seed the instance's request counter decides: b has served no unseeded request yet, so it replays a's first.
      const unseeded = { model: QWEN, messages: [{ role: 'user' as const, content: 'Solve for x: 5x - 3 = 12.' }], n: 3 };
      const first = await a.client.chat.completions.create(unseeded);
      const again = await a.client.chat.completions.create(unseeded);
      const replay = await b.client.chat.completions.create(unseeded);
      expect(first.choices.map((c) => c.message.content)).not.toEqual(again.choices.map((c) => c.message.content));
      expect(replay.choices.map((c) => c.message.content)).toEqual(first.choices.map((c) => c.message.content));
    } finally {
      await Promise.all([a.sim.stop(), b.sim.stop()]);
    }
  });

  it('gives identical choices at temperature 0 and different ones above it', async () => {
    const s = await startSim();
    try {
      const messages = [{ role: 'user' as const, content: registry.generate(new Rng(1), 'number_theory', 'primes').text }];
      const greedy = await s.client.chat.completions.create({ model: QWEN, messages, n: 5, temperature: 0 });
      expect(new Set(greedy.choices.map((c) => c.message.content)).size).toBe(1);
      const sampled = await s.client.chat.completions.create({ model: QWEN, messages, n: 5, temperature: 1 });
      expect(new Set(sampled.choices.map((c) => c.message.content)).size).toBeGreaterThan(1);
    } finally {
      await s.sim.stop();
    }
  });

  it('moves reasoning into reasoning_content and reasoning with the reasoning parser on', async () => {
    const s = await startSim({ reasoningParser: true });
    try {
      const res = await s.client.chat.completions.create({ model: R1, messages: [{ role: 'user', content: 'Solve for x: 2x + 1 = 9.' }], temperature: 0 });
      const message = res.choices[0]?.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string | null; reasoning?: string | null };
      expect(message.content).not.toContain('<think>');
      expect(message.content).toMatch(/\\boxed\{/);
      expect(message.reasoning_content).toBeTruthy();
      expect(message.reasoning).toBe(message.reasoning_content);
      const plain = await s.client.chat.completions.create({ model: QWEN, messages: [{ role: 'user', content: 'Solve for x: 2x + 1 = 9.' }] });
      expect((plain.choices[0]?.message as { reasoning_content?: unknown }).reasoning_content).toBeNull();
    } finally {
      await s.sim.stop();
    }
  });
});
