import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery, renderRewardConversation } from '@magpie/catalog';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARMORM_OBJECTIVES } from './armorm-handler.js';
import { LlmSimulator, type LlmSimulatorOptions } from './llm-simulator.js';
import { ProblemRegistry } from './problems/problem-registry.js';
import { Rng } from './rng.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const R1 = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
const QWEN = 'Qwen/Qwen2.5-Math-72B-Instruct';
const SKYWORK = 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2';
const ARMORM = 'RLHFlow/ArmoRM-Llama3-8B-v0.1';
const registry = new ProblemRegistry();

interface Started {
  readonly sim: LlmSimulator;
  /** Base URL /v1 for the OpenAI endpoints. */
  readonly v1: OpenAI;
  /** Base URL at the root for vLLM's /pooling and /classify. */
  readonly root: OpenAI;
}

async function start(options: Partial<LlmSimulatorOptions> = {}): Promise<Started> {
  const sim = new LlmSimulator({ catalog, seed: 3, ...options });
  const base = `http://127.0.0.1:${await sim.start()}`;
  return { sim, v1: new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 }), root: new OpenAI({ baseURL: base, apiKey: 'x', maxRetries: 0 }) };
}

function conversation(problemText: string, answer: string): { role: string; content: string }[] {
  return [
    { role: 'user', content: problemText },
    { role: 'assistant', content: `Working it out, the answer is $\\boxed{${answer}}$.` },
  ];
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('vLLM API conformance through the openai client', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.sim.stop();
  });

  it('answers /pooling for a 1-label reward model with data[i].data = [score], sigmoid unless use_activation is false', async () => {
    type Pooling = { object: string; model: string; data: { index: number; object: string; data: number[] }[]; usage: { prompt_tokens: number } };
    const problem = registry.generate(new Rng(4), 'algebra');
    const raw = await s.root.post<Pooling>('/pooling', { body: { model: SKYWORK, messages: conversation(problem.text, problem.answer), use_activation: false } });
    expect(raw).toMatchObject({ object: 'list', model: SKYWORK, data: [{ index: 0, object: 'pooling' }] });
    expect(raw.data[0]?.data).toHaveLength(1);
    const activated = await s.root.post<Pooling>('/pooling', { body: { model: SKYWORK, messages: conversation(problem.text, problem.answer), task: 'classify' } });
    const logit = raw.data[0]?.data[0] ?? Number.NaN;
    expect(activated.data[0]?.data[0]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    const batch = await s.root.post<Pooling>('/pooling', { body: { model: SKYWORK, input: ['a', 'b', 'c'] } });
    expect(batch.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(batch.usage.prompt_tokens).toBeGreaterThan(0);
    await expect(s.root.post('/pooling', { body: { model: SKYWORK, input: 'a', task: 'embed' } })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('scores a batched /classify input of rendered conversations exactly as one messages request each', async () => {
    type Classify = { data: { index: number; probs: number[] }[]; usage: { prompt_tokens: number } };
    const entry = catalog.models.getReward(SKYWORK);
    if (entry.api !== 'classify') throw new Error(`${SKYWORK} is not a /classify model`);
    const problem = registry.generate(new Rng(21), 'algebra');
    // Right, wrong, padded with whitespace (the template trims), empty, and one without an answer.
    const responses = [`So $\\boxed{${problem.answer}}$.`, `So $\\boxed{${problem.answer}1}$.`, `\n  So $\\boxed{${problem.answer}}$. \n`, '', 'I am not sure.'];
    const batch = await s.root.post<Classify>('/classify', {
      body: { model: SKYWORK, input: responses.map((r) => renderRewardConversation(entry.conversation, problem.text, r).text), use_activation: false, add_special_tokens: false },
    });
    expect(batch.data.map((d) => d.index)).toEqual([0, 1, 2, 3, 4]);
    const singles = await Promise.all(
      responses.map((r) =>
        s.root.post<Classify>('/classify', {
          body: { model: SKYWORK, messages: [{ role: 'user', content: problem.text }, { role: 'assistant', content: r }], use_activation: false },
        }),
      ),
    );
    expect(batch.data.map((d) => d.probs)).toEqual(singles.map((one) => one.data[0]?.probs));
    expect(batch.usage.prompt_tokens).toBe(singles.reduce((sum, one) => sum + one.usage.prompt_tokens, 0));
    // The right answer outscores the wrong one, so the pair was split, not read as one blob.
    expect(batch.data[0]?.probs[0]).toBeGreaterThan(batch.data[1]?.probs[0] ?? Number.POSITIVE_INFINITY);
  });

  it('scores a rendered conversation on /pooling as its messages form', async () => {
    type Pooling = { data: { data: number[] }[] };
    const entry = catalog.models.getReward(SKYWORK);
    if (entry.api !== 'classify') throw new Error(`${SKYWORK} is not a /classify model`);
    const problem = registry.generate(new Rng(22), 'algebra');
    const response = `So $\\boxed{${problem.answer}}$.`;
    const rendered = await s.root.post<Pooling>('/pooling', { body: { model: SKYWORK, input: [renderRewardConversation(entry.conversation, problem.text, response).text], use_activation: false } });
    const single = await s.root.post<Pooling>('/pooling', { body: { model: SKYWORK, messages: [{ role: 'user', content: problem.text }, { role: 'assistant', content: response }], use_activation: false } });
    expect(rendered.data[0]?.data).toEqual(single.data[0]?.data);
  });

  it('answers the ArmoRM contract: a score and 19 objective rewards per conversation, higher when correct', async () => {
    type ArmoRm = { model: string; data: { index: number; score: number; rewards: number[] }[] };
    const rng = new Rng(12);
    const problems = Array.from({ length: 40 }, () => registry.generate(rng));
    const right = await s.v1.post<ArmoRm>('/armorm/score', { body: { model: ARMORM, conversations: problems.map((p) => conversation(p.text, p.answer)) } });
    const wrong = await s.v1.post<ArmoRm>('/armorm/score', { body: { model: ARMORM, conversations: problems.map((p) => conversation(p.text, `${p.answer}1`)) } });
    expect(right.model).toBe(ARMORM);
    expect(right.data.map((d) => d.index)).toEqual(problems.map((_, i) => i));
    for (const d of [...right.data, ...wrong.data]) {
      expect(d.rewards).toHaveLength(ARMORM_OBJECTIVES);
      expect(d.rewards.every((r) => r > 0 && r < 1)).toBe(true);
    }
    expect(mean(right.data.map((d) => d.score))).toBeGreaterThan(mean(wrong.data.map((d) => d.score)) + 0.05);
    const single = await s.v1.post<ArmoRm>('/armorm/score', { body: { model: ARMORM, messages: conversation(problems[0]?.text ?? '', problems[0]?.answer ?? '') } });
    expect(single.data).toEqual([right.data[0]]);
    await expect(s.v1.post('/armorm/score', { body: { model: ARMORM, messages: 'hi' } })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(s.v1.post('/armorm/score', { body: { model: QWEN, messages: [{ role: 'user', content: 'x' }] } })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it.each([
    ['max_tokens as a string', { max_tokens: 'many' }],
    ['n as a fraction', { n: 1.5 }],
    ['temperature as a string', { temperature: 'hot' }],
    ['stop as a number', { stop: 7 }],
    ['stop_token_ids as strings', { stop_token_ids: ['a'] }],
    ['seed as a string', { seed: 'x' }],
    ['add_special_tokens as a string', { add_special_tokens: 'no' }],
  ])('refuses %s on /v1/completions with 400 in vLLM’s shape', async (_name, extra) => {
    const params = { model: QWEN, prompt: 'hi', ...extra } as unknown as OpenAI.CompletionCreateParamsNonStreaming;
    const error: unknown = await s.v1.completions.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'BadRequestError', code: 400 });
  });

  it('refuses wrong types on chat with 400 and ignores unknown fields everywhere', async () => {
    const badChat = { model: QWEN, messages: [{ role: 'user', content: 'x' }], n: 'two' } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
    await expect(s.v1.chat.completions.create(badChat)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const extras = { top_k: 20, min_p: 0.05, repetition_penalty: 1.1, frobnicate: { deep: true }, chat_template_kwargs: { enable_thinking: false } };
    const completion = await s.v1.completions.create({ model: QWEN, prompt: 'hi', ...extras } as OpenAI.CompletionCreateParamsNonStreaming);
    expect(completion.choices).toHaveLength(1);
    const chat = await s.v1.chat.completions.create({ model: QWEN, messages: [{ role: 'user', content: 'Solve for x: 2x = 6.' }], ...extras } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(chat.choices[0]?.message.content).toMatch(/\\boxed\{/);
    await expect(s.root.post('/classify', { body: { model: SKYWORK, input: 'x', truncate_prompt_tokens: 8, priority: 0 } })).resolves.toMatchObject({ object: 'list' });
  });

  it('puts a reasoning model’s thinking inline in <think> without the reasoning parser', async () => {
    const res = await s.v1.chat.completions.create({ model: R1, messages: [{ role: 'user', content: 'Solve for x: 2x + 1 = 9.' }] });
    const message = res.choices[0]?.message as OpenAI.ChatCompletionMessage & { reasoning_content?: unknown; reasoning?: unknown };
    expect(message.content?.startsWith('<think>\n')).toBe(true);
    expect(message.content).toContain('\n</think>\n\n');
    expect(message.content).toMatch(/\\boxed\{/);
    expect(message.reasoning_content).toBeNull();
    expect(message.reasoning).toBeNull();
  });
});

describe('reasoning parser and content knobs', () => {
  it('splits reasoning into reasoning_content/reasoning on chat but never on /v1/completions', async () => {
    const s = await start({ reasoningParser: true });
    try {
      const chat = await s.v1.chat.completions.create({ model: R1, messages: [{ role: 'user', content: 'Solve for x: 3x + 7 = 22.' }], temperature: 0 });
      const message = chat.choices[0]?.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string | null; reasoning?: string | null };
      expect(message.reasoning_content).toBeTruthy();
      expect(message.reasoning).toBe(message.reasoning_content);
      expect(message.content).not.toContain('<think>');
      // A hand-templated raw prompt: vLLM returns the raw text, <think> included, whatever the parser.
      const prompt = '<｜begin▁of▁sentence｜><｜User｜>Solve for x: 3x + 7 = 22.<｜Assistant｜>';
      const raw = await s.v1.completions.create({ model: R1, prompt, max_tokens: 4096, temperature: 0, add_special_tokens: false } as OpenAI.CompletionCreateParamsNonStreaming);
      const choice = raw.choices[0] as OpenAI.CompletionChoice & { reasoning_content?: unknown };
      expect(choice.text.startsWith('<think>\n')).toBe(true);
      expect(choice.text).toContain('</think>');
      expect(choice.text).toMatch(/\\boxed\{/);
      expect(choice.reasoning_content).toBeUndefined();
    } finally {
      await s.sim.stop();
    }
  });

  it('returns empty Magpie problems at SIM_EMPTY_RATE, and none by default', async () => {
    const model = catalog.models.get(QWEN);
    const pre = renderPreQuery(model, catalog.domains.get('algebra').systemPrompt);
    const params = { model: QWEN, prompt: pre.prompt, n: 40, max_tokens: 512, stop: pre.stop, stop_token_ids: pre.stopTokenIds, add_special_tokens: pre.addSpecialTokens, seed: 8 } as OpenAI.CompletionCreateParamsNonStreaming;
    const empties = async (emptyRate: number): Promise<OpenAI.CompletionChoice[]> => {
      const s = await start({ emptyRate });
      try {
        return (await s.v1.completions.create(params)).choices.filter((c) => c.text === '');
      } finally {
        await s.sim.stop();
      }
    };
    expect(await empties(0)).toHaveLength(0);
    const half = await empties(0.5);
    expect(half.length).toBeGreaterThan(8);
    expect(half.length).toBeLessThan(32);
    expect(half.every((c) => c.finish_reason === 'stop')).toBe(true);
    expect(await empties(1)).toHaveLength(40);
  });
});
