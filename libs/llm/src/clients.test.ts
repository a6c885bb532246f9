import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, MalformedResponseError, parseRetryAfterMs } from './errors.js';
import { InferenceClient } from './inference-client.js';
import { RewardClient } from './reward-client.js';
import { deriveSeed } from './derive-seed.js';

// A real HTTP server whose behaviour each test picks; no HTTP mocking.
type Behaviour = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;
let behaviour: Behaviour = () => undefined;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => behaviour(req, raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const completionRequest = {
  model: 'm',
  prompt: '<bos>P',
  n: 2,
  temperature: 1,
  topP: 1,
  maxTokens: 64,
  seed: 7,
  stop: ['<eot>'],
  stopTokenIds: [1, 2],
  addSpecialTokens: false,
};

describe('InferenceClient', () => {
  it("sends vLLM's extras in the completion body and maps choices and usage", async () => {
    let seen: Record<string, unknown> = {};
    behaviour = (_req, body, res) => {
      seen = body;
      json(res, 200, {
        id: 'c',
        object: 'text_completion',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, text: 'A', finish_reason: 'stop', logprobs: null },
          { index: 1, text: 'B', finish_reason: 'length', logprobs: null },
        ],
        usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
      });
    };
    const client = new InferenceClient({ baseUrl: `${base}/v1`, apiKey: 'k', timeoutMs: 5_000 });
    const result = await client.complete(completionRequest);
    expect(seen).toMatchObject({ prompt: '<bos>P', n: 2, stop_token_ids: [1, 2], add_special_tokens: false, seed: 7, top_p: 1, max_tokens: 64 });
    expect(result).toEqual({
      choices: [
        { text: 'A', finishReason: 'stop' },
        { text: 'B', finishReason: 'length' },
      ],
      usage: { promptTokens: 3, completionTokens: 5 },
    });
  });

  it('reads reasoning from `reasoning` or the older `reasoning_content`', async () => {
    behaviour = (_req, _body, res) =>
      json(res, 200, {
        id: 'x',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'A', reasoning: 'r1' } },
          { index: 1, finish_reason: 'stop', message: { role: 'assistant', content: 'B', reasoning_content: 'r2' } },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      });
    const client = new InferenceClient({ baseUrl: `${base}/v1`, apiKey: 'k', timeoutMs: 5_000 });
    const result = await client.chat({ model: 'm', messages: [{ role: 'user', content: 'q' }], n: 2, temperature: 0, topP: 1, maxTokens: 10 });
    expect(result.choices.map((c) => c.reasoning)).toEqual(['r1', 'r2']);
  });

  it('classifies 503 with Retry-After as retryable and 400 as not', async () => {
    const client = new InferenceClient({ baseUrl: `${base}/v1`, apiKey: 'k', timeoutMs: 5_000 });
    behaviour = (_req, _b, res) => json(res, 503, { error: { message: 'busy' } }, { 'retry-after': '2' });
    const busy = await client.complete(completionRequest).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(BackendError);
    expect(busy).toMatchObject({ retryable: true, status: 503, retryAfterMs: 2_000 });
    behaviour = (_req, _b, res) => json(res, 400, { error: { message: 'bad field' } });
    expect(await client.complete(completionRequest).catch((e: unknown) => e)).toMatchObject({ retryable: false, status: 400 });
  });

  it('turns a hung call into a retryable timeout', async () => {
    behaviour = () => undefined; // never answers
    const client = new InferenceClient({ baseUrl: `${base}/v1`, apiKey: 'k', timeoutMs: 300 });
    expect(await client.complete(completionRequest).catch((e: unknown) => e)).toMatchObject({ retryable: true });
  });

  it('treats a malformed body as a retryable MalformedResponseError', async () => {
    behaviour = (_req, _b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [{"text": 5}]}');
    const client = new InferenceClient({ baseUrl: `${base}/v1`, apiKey: 'k', timeoutMs: 5_000 });
    const err = await client.complete(completionRequest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect(err).toMatchObject({ retryable: true });
  });
});

describe('RewardClient', () => {
  const conversation = { template: '<s>U:{instruction}|A:{response}</s>', bosToken: '<s>', trimContent: true };
  const classify = { api: 'classify', conversation } as const;

  it("scores a problem's responses in one /classify request: rendered inputs in order, raw logits, no second BOS", async () => {
    let requests = 0;
    let seen: Record<string, unknown> = {};
    behaviour = (req, body, res) => {
      requests++;
      seen = { ...body, path: req.url };
      const data = [{ index: 2, probs: [0.5] }, { index: 0, probs: [1.75] }, { index: 1, probs: [-3] }].map((d) => ({ ...d, label: 'LABEL_0', num_classes: 1 }));
      json(res, 200, { id: 'x', object: 'list', created: 1, model: 'rm', data, usage: { prompt_tokens: 9, total_tokens: 9 } });
    };
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    expect(await client.scoreAll(classify, { model: 'rm', instruction: ' Q ', responses: ['A', ' B\n', 'C'], priority: 3 })).toEqual([1.75, -3, 0.5]);
    expect(requests).toBe(1);
    expect(seen).toEqual({
      path: '/classify',
      model: 'rm',
      input: ['<s>U:Q|A:A</s>', '<s>U:Q|A:B</s>', '<s>U:Q|A:C</s>'],
      use_activation: false,
      add_special_tokens: false,
      priority: 3,
    });
  });

  it('lets vLLM add BOS for a template without one, sends no priority unless given, and sends nothing for no responses', async () => {
    let requests = 0;
    let seen: Record<string, unknown> = {};
    behaviour = (_req, body, res) => {
      requests++;
      seen = body;
      json(res, 200, { data: [{ index: 0, probs: [1] }] });
    };
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    const bare = { api: 'classify', conversation: { ...conversation, template: 'U:{instruction}|A:{response}', bosToken: null } } as const;
    expect(await client.scoreAll(bare, { model: 'rm', instruction: 'Q', responses: ['A'] })).toEqual([1]);
    expect(seen).toEqual({ model: 'rm', input: ['U:Q|A:A'], use_activation: false, add_special_tokens: true });
    expect(await client.scoreAll(bare, { model: 'rm', instruction: 'Q', responses: [] })).toEqual([]);
    expect(requests).toBe(1);
  });

  it.each([
    ['a missing score', [{ index: 0, probs: [1] }]],
    ['a repeated index', [{ index: 0, probs: [1] }, { index: 0, probs: [2] }]],
    ['an index out of range', [{ index: 0, probs: [1] }, { index: 2, probs: [2] }]],
    ['no probs', [{ index: 0, probs: [1] }, { index: 1, probs: [] }]],
  ])('refuses a /classify batch with %s as malformed', async (_name, data) => {
    behaviour = (_req, _b, res) => json(res, 200, { data });
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    await expect(client.scoreAll(classify, { model: 'rm', instruction: 'Q', responses: ['A', 'B'] })).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('turns a 503 into a retryable BackendError', async () => {
    behaviour = (_req, _b, res) => json(res, 503, { error: 'busy' }, { 'retry-after': '2' });
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    const err = await client.scoreAll(classify, { model: 'rm', instruction: 'Q', responses: ['A'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ status: 503, retryable: true, retryAfterMs: 2_000 });
  });

  it('scores a whole batch in one ArmoRM sidecar request, in response order, without a priority field', async () => {
    let requests = 0;
    let seen: Record<string, unknown> = {};
    behaviour = (req, body, res) => {
      requests++;
      seen = { ...body, path: req.url };
      json(res, 200, { model: 'rm', data: [{ index: 1, score: -0.5 }, { index: 0, score: 2 }] });
    };
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    expect(await client.scoreAll('armorm', { model: 'rm', instruction: 'Q', responses: ['A', 'B'], priority: 1 })).toEqual([2, -0.5]);
    expect(await client.scoreAll({ api: 'armorm' }, { model: 'rm', instruction: 'Q', responses: ['A', 'B'] })).toEqual([2, -0.5]);
    expect(requests).toBe(2);
    expect(seen).toEqual({ path: '/v1/armorm/score', model: 'rm', conversations: [[{ role: 'user', content: 'Q' }, { role: 'assistant', content: 'A' }], [{ role: 'user', content: 'Q' }, { role: 'assistant', content: 'B' }]] });
  });

  it('refuses an ArmoRM batch with a missing score', async () => {
    behaviour = (_req, _b, res) => json(res, 200, { model: 'rm', data: [{ index: 0, score: 1 }] });
    const client = new RewardClient({ baseUrl: base, timeoutMs: 5_000 });
    await expect(client.scoreAll('armorm', { model: 'rm', instruction: 'Q', responses: ['A', 'B'] })).rejects.toBeInstanceOf(MalformedResponseError);
  });
});

describe('helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfterMs('3')).toBe(3_000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
  });

  it('derives stable, distinct 31-bit seeds', () => {
    expect(deriveSeed(1, 'run', 0)).toBe(deriveSeed(1, 'run', 0));
    expect(deriveSeed(1, 'run', 0)).not.toBe(deriveSeed(1, 'run', 1));
    expect(deriveSeed(2, 'run', 0)).not.toBe(deriveSeed(1, 'run', 0));
    expect(deriveSeed(1, 'x')).toBeLessThan(2 ** 31);
  });
});
