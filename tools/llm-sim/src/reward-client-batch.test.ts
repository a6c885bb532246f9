import { DEFAULT_CONFIG_DIR, loadCatalog, renderRewardConversation } from '@magpie/catalog';
import { RewardClient } from '@magpie/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmSimulator } from './llm-simulator.js';
import { ProblemRegistry } from './problems/problem-registry.js';
import { Rng } from './rng.js';

// The reward stage's client against the real simulator over HTTP (here, as the simulator depends on
// @magpie/llm and not the other way round): one /classify request per problem, scoring as the old
// one-request-per-response `messages` calls did.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const SKYWORK = 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2';
let sim: LlmSimulator;
let base: string;

beforeAll(async () => {
  sim = new LlmSimulator({ catalog, seed: 5 });
  base = `http://127.0.0.1:${await sim.start()}`;
});

afterAll(async () => {
  await sim.stop();
});

/** A counter of the simulator's /metrics, summed over the series whose labels contain `labels`. */
async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && l.includes(labels))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

/** What the client sent before batching: one /classify per response, as chat messages. */
async function scoreOneByOne(instruction: string, response: string): Promise<number> {
  const res = await fetch(`${base}/classify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: SKYWORK, messages: [{ role: 'user', content: instruction }, { role: 'assistant', content: response }], use_activation: false }),
  });
  const body = (await res.json()) as { data: { probs: number[] }[] };
  return body.data[0]?.probs[0] ?? Number.NaN;
}

describe('RewardClient on the simulator', () => {
  it('sends one /classify request per problem, scoring each response as its own messages request did, with no double BOS', async () => {
    const reward = catalog.models.getReward(SKYWORK);
    const client = new RewardClient({ baseUrl: base, timeoutMs: 10_000 });
    const rng = new Rng(8);
    const registry = new ProblemRegistry();
    const problems = Array.from({ length: 3 }, () => registry.generate(rng, 'algebra'));
    const batched: number[][] = [];
    for (const p of problems) {
      const responses = [`$\\boxed{${p.answer}}$`, `$\\boxed{${p.answer}0}$`, ` So it is $\\boxed{${p.answer}}$.\n`, 'No idea.', `${p.answer}`];
      const classifyBefore = await metric('magpie_sim_requests_total', 'endpoint="/classify"');
      batched.push(await client.scoreAll(reward, { model: SKYWORK, instruction: p.text, responses }));
      expect(await metric('magpie_sim_requests_total', 'endpoint="/classify"')).toBe(classifyBefore + 1);
      const old = await Promise.all(responses.map((r) => scoreOneByOne(p.text, r)));
      expect(batched.at(-1)).toEqual(old);
    }
    expect(batched.every((scores) => scores.length === 5 && scores.every(Number.isFinite))).toBe(true);
    expect(await metric('magpie_sim_double_bos_total', `model_name="${SKYWORK}"`)).toBe(0);
  });

  it('counts a double BOS when the rendered text is sent with add_special_tokens left on', async () => {
    const reward = catalog.models.getReward(SKYWORK);
    if (reward.api !== 'classify') throw new Error(`${SKYWORK} is not a /classify model`);
    const before = await metric('magpie_sim_double_bos_total', `model_name="${SKYWORK}"`);
    const { text: input } = renderRewardConversation(reward.conversation, 'Q', 'A');
    const res = await fetch(`${base}/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: SKYWORK, input: [input, input] }) });
    expect(res.status).toBe(200);
    expect(await metric('magpie_sim_double_bos_total', `model_name="${SKYWORK}"`)).toBe(before + 2);
  });
});
