import { answersEqual, createAnswerChecker, extractFinalAnswer } from '@magpie/answers';
import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import { DIFFICULTY_LEVELS, UNITAG_PREFILL, UNITAG_SAMPLING, difficultyPrompt, parseUnitagAnswer, qualityPrompt, classificationPrompt } from '@magpie/unitag';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmSimulator } from './llm-simulator.js';
import { cosine } from './realistic/text-embedding.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const R1 = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
const LLAMA = 'meta-llama/Meta-Llama-3-8B-Instruct';
const REWARD = 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2';

interface TruthItem {
  kind: string;
  answer: string | null;
  difficulty: number | null;
  domain: string | null;
  family: string | null;
  defects: string[];
  verdict?: { answer: string | null; correct: boolean | null };
}

async function post<T>(base: string, path: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

async function truthOf(base: string, problems: string[], responses?: (string | null)[]): Promise<TruthItem[]> {
  const { status, json } = await post<{ data: TruthItem[] }>(base, '/sim/truth', responses ? { problems, responses } : { problems });
  expect(status).toBe(200);
  return json.data;
}

async function magpieProblems(client: OpenAI, topic: { domain: string; subtopic: string }, n: number, seed: number): Promise<string[]> {
  const model = catalog.models.get(R1);
  const pre = renderPreQuery(model, catalog.domains.subtopic(topic.domain, topic.subtopic).systemPrompt);
  const params = { model: R1, prompt: pre.prompt, n, max_tokens: 1024, temperature: 1.2, seed, stop: pre.stop, stop_token_ids: pre.stopTokenIds, add_special_tokens: pre.addSpecialTokens };
  const res = await client.completions.create(params as OpenAI.CompletionCreateParamsNonStreaming);
  return res.choices.map((c) => c.text.trim());
}

// Hundreds of HTTP round trips per test: seconds when idle, much longer on a loaded machine.
describe('the realistic profile over HTTP', { timeout: 120_000 }, () => {
  let sim: LlmSimulator;
  let base: string;
  let client: OpenAI;
  let problems: string[];
  beforeAll(async () => {
    sim = new LlmSimulator({ catalog, seed: 31 });
    base = `http://127.0.0.1:${await sim.start()}`;
    client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 });
    problems = [...(await magpieProblems(client, { domain: 'number_theory', subtopic: 'modular_arithmetic' }, 200, 1)), ...(await magpieProblems(client, { domain: 'geometry', subtopic: 'circles' }, 200, 2))];
  }, 120_000);
  afterAll(async () => {
    await sim.stop();
  });

  it('steers Magpie prompts loosely: mostly the asked domain, some drift, some defective instructions, known to /sim/truth', async () => {
    const truths = await truthOf(base, problems);
    const math = truths.filter((t) => t.kind === 'math');
    expect(math.length / truths.length).toBeGreaterThan(0.9);
    const onDomain = truths.slice(0, 200).filter((t) => t.domain === 'number_theory').length;
    expect(onDomain).toBeGreaterThan(160);
    expect(onDomain).toBeLessThan(200);
    expect(new Set(math.map((t) => t.difficulty))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(truths.some((t) => t.defects.length > 0 || t.kind !== 'math')).toBe(true);
    for (const t of math) expect(t.answer).toBeTruthy();
  });

  it('answers with samples whose /sim/truth verdicts agree with @magpie/answers, and are right more often for a strong model', async () => {
    const clean = problems.filter((_, i) => i % 5 === 0);
    const checker = createAnswerChecker();
    const accuracy: Record<string, number> = {};
    for (const model of [R1, LLAMA]) {
      let right = 0;
      let total = 0;
      for (const problem of clean) {
        const res = await client.chat.completions.create({ model, messages: [{ role: 'user', content: problem }], n: 3, temperature: 0.8, max_tokens: 16_384, seed: total });
        const responses = res.choices.map((c) => c.message.content ?? '');
        const truths = await truthOf(base, responses.map(() => problem), responses);
        for (const [i, t] of truths.entries()) {
          if (t.kind !== 'math' || t.answer === null) continue;
          const response = responses[i] ?? '';
          const cut = res.choices[i]?.finish_reason === 'length';
          const ours = !cut && answersEqual(extractFinalAnswer(response) ?? '', t.answer, checker);
          expect(t.verdict?.correct, `${model}: ${problem}\n${response.slice(-300)}`).toBe(ours);
          if (ours) right++;
          total++;
        }
      }
      accuracy[model] = right / total;
    }
    console.log(`accuracy over HTTP: ${JSON.stringify(accuracy)}`);
    expect(accuracy[R1]).toBeGreaterThan((accuracy[LLAMA] ?? 1) + 0.2);
  });

  it('cuts long thinking at max_tokens with finish_reason length and no final answer', async () => {
    const hard = (await truthOf(base, problems)).findIndex((t) => t.difficulty === 5);
    const res = await client.chat.completions.create({ model: R1, messages: [{ role: 'user', content: problems[hard] ?? '' }], n: 8, temperature: 0.8, max_tokens: 300 });
    for (const c of res.choices) {
      expect(c.finish_reason).toBe('length');
      expect(c.message.content).not.toContain('\\boxed');
    }
  });

  it('serves /v1/embeddings in vLLM shape, deterministic, with near-twins close and unrelated problems far', async () => {
    const [a = '', b = ''] = problems;
    const twin = a.replace(/\d+/, (n) => String(Number(n) + 3));
    const { status, json } = await post<{ object: string; model: string; data: { index: number; object: string; embedding: number[] }[]; usage: { prompt_tokens: number } }>(base, '/v1/embeddings', { model: 'sentence-transformers/all-mpnet-base-v2', input: [a, twin, b] });
    expect(status).toBe(200);
    expect(json).toMatchObject({ object: 'list', model: 'sentence-transformers/all-mpnet-base-v2' });
    const [va = [], vt = [], vb = []] = json.data.map((d) => d.embedding);
    expect(va).toHaveLength(768);
    expect(Math.hypot(...va)).toBeCloseTo(1, 6);
    expect(cosine(va, vt)).toBeGreaterThanOrEqual(0.975);
    expect(cosine(va, vb)).toBeLessThan(0.9);
    const again = await client.embeddings.create({ model: 'sentence-transformers/all-mpnet-base-v2', input: a, encoding_format: 'float' });
    expect(again.data[0]?.embedding).toEqual(va);
    const base64 = await post<{ data: { embedding: string }[] }>(base, '/v1/embeddings', { model: 'sentence-transformers/all-mpnet-base-v2', input: a, encoding_format: 'base64' });
    expect([...new Float32Array(Buffer.from(base64.json.data[0]?.embedding ?? '', 'base64').buffer)].map((x) => x.toFixed(5))).toEqual(va.map((x) => Math.fround(x).toFixed(5)));
    expect((await post(base, '/v1/embeddings', { model: 'no/such-model', input: 'x' })).status).toBe(404);
    expect((await post(base, '/v1/embeddings', { input: 'x', dimensions: 12 })).status).toBe(400);
  });

  it("answers Magpie's unitag prompts with parseable JSON that tracks the truth", async () => {
    const truths = await truthOf(base, problems);
    const math = problems.filter((_, i) => truths[i]?.kind === 'math').slice(0, 80);
    const levels = await Promise.all(
      math.map(async (p) => {
        const res = await client.chat.completions.create({
          model: LLAMA,
          messages: [{ role: 'user', content: difficultyPrompt(p) }, { role: 'assistant', content: UNITAG_PREFILL }],
          temperature: UNITAG_SAMPLING.temperature,
          max_tokens: UNITAG_SAMPLING.maxTokens,
          stop: [...UNITAG_SAMPLING.stop],
        });
        return DIFFICULTY_LEVELS.indexOf(parseUnitagAnswer('difficulty', `${res.choices[0]?.message.content ?? ''}}`).difficulty) + 1;
      }),
    );
    const truthLevels = math.map((p) => truths[problems.indexOf(p)]?.difficulty ?? 0);
    const exact = levels.filter((l, i) => l === truthLevels[i]).length / levels.length;
    const meanError = levels.reduce((s, l, i) => s + Math.abs(l - (truthLevels[i] ?? 0)), 0) / levels.length;
    console.log(`difficulty tags: ${(exact * 100).toFixed(0)} % exact, mean absolute error ${meanError.toFixed(2)} levels`);
    expect(exact).toBeGreaterThan(0.55);
    expect(exact).toBeLessThan(1);
    expect(meanError).toBeLessThan(0.5);
    const classification = await client.chat.completions.create({ model: LLAMA, messages: [{ role: 'user', content: classificationPrompt(math[0] ?? '') }], temperature: 0 });
    expect(parseUnitagAnswer('classification', classification.choices[0]?.message.content ?? '', { prefilled: false }).primary_tag).toMatch(/Math|Reasoning/);
    // A raw completions prompt with a hand-applied template and the "{" prefill, stopped at "}" as unitag.py does.
    const raw = `<|start_header_id|>user<|end_header_id|>\n\n${qualityPrompt('Solve the following algebra problem:')}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{`;
    const quality = await client.completions.create({ model: LLAMA, prompt: raw, max_tokens: 1024, temperature: 0, stop: ['}'], include_stop_str_in_output: true } as OpenAI.CompletionCreateParamsNonStreaming);
    expect(parseUnitagAnswer('quality', quality.choices[0]?.text ?? '').input_quality).toMatch(/poor/);
  });

  it('scores with one reward model on /classify and the ArmoRM endpoint', async () => {
    const messages = [{ role: 'user', content: problems[0] ?? '' }, { role: 'assistant', content: 'So the answer is $\\boxed{7}$.' }];
    const classify = await post<{ data: { probs: number[] }[] }>(base, '/classify', { model: REWARD, messages, use_activation: false });
    const armorm = await post<{ data: { score: number }[] }>(base, '/v1/armorm/score', { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', messages });
    expect(armorm.json.data[0]?.score).toBeCloseTo((classify.json.data[0]?.probs[0] ?? 0) * 0.05, 9);
  });

  it('caches prompt prefixes: a repeated prompt hits the prefix cache', async () => {
    const hits = async (): Promise<number> => Number(/vllm:prefix_cache_hits_total\{model_name="meta-llama\/Meta-Llama-3-8B-Instruct"\} (\S+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
    const before = await hits();
    // vLLM caches whole 16-token blocks, so the prompt must be longer than one.
    const longest = problems.reduce((a, b) => (b.length > a.length ? b : a));
    const messages = [{ role: 'user' as const, content: `${longest} Please explain each step.` }];
    await client.chat.completions.create({ model: LLAMA, messages, max_tokens: 64 });
    await client.chat.completions.create({ model: LLAMA, messages, max_tokens: 64 });
    expect(await hits()).toBeGreaterThan(before);
  });
});

describe('determinism of the realistic profile', { timeout: 120_000 }, () => {
  it('gives the same problems, answers, rewards, tags and embeddings for the same seed, and different ones for another seed', async () => {
    const run = async (seed: number): Promise<string> => {
      const sim = new LlmSimulator({ catalog, seed });
      const base = `http://127.0.0.1:${await sim.start()}`;
      const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'x', maxRetries: 0 });
      try {
        const problems = await magpieProblems(client, { domain: 'discrete', subtopic: 'recurrences' }, 8, 4);
        const answers = await client.chat.completions.create({ model: R1, messages: [{ role: 'user', content: problems[0] ?? '' }], n: 4, temperature: 0.8, seed: 9 });
        const texts = answers.choices.map((c) => c.message.content ?? '');
        const rewards = await post(base, '/classify', { model: REWARD, messages: [{ role: 'user', content: problems[0] }, { role: 'assistant', content: texts[0] }] });
        const tag = await client.chat.completions.create({ model: LLAMA, messages: [{ role: 'user', content: difficultyPrompt(problems[1] ?? '') }], temperature: 0 });
        const embedding = await client.embeddings.create({ model: 'sentence-transformers/all-mpnet-base-v2', input: problems[2] ?? '' });
        return JSON.stringify([problems, texts, (rewards.json as { data: unknown }).data, tag.choices[0]?.message.content, embedding.data[0]?.embedding.slice(0, 8)]);
      } finally {
        await sim.stop();
      }
    };
    const a = await run(77);
    expect(await run(77)).toBe(a);
    expect(await run(78)).not.toBe(a);
  });
});
