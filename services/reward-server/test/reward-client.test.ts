// The reward service's own client (RewardClient.scoreAll('armorm', …) from @magpie/llm) against
// the real Python server over real HTTP, on a tiny ArmoRM-shaped model built offline.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, RewardClient } from '@magpie/llm';
import { ManagedChild } from '@magpie/launcher';
import { findFreePort, waitFor } from '@magpie/testing';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const python = join(serverRoot, '../../.magpie/tools/py-reward/bin/python');
const instruction = 'What is 2 + 2?';
const responses = ['4', 'The answer is \\boxed{5}.', 'Adding 2 and 2 gives 4, so the answer is \\boxed{4}.'];

describe('RewardClient against the reward server', () => {
  let dir: string;
  let server: ManagedChild | undefined;
  let client: RewardClient;
  let baseUrl: string;
  let releaseLoading: string;

  beforeAll(async () => {
    if (!existsSync(python)) throw new Error(`${python} is missing: run bash scripts/setup.sh`);
    dir = await mkdtemp(join(tmpdir(), 'reward-server-'));
    await promisify(execFile)(python, ['tests/tiny_models.py', join(dir, 'models')], {
      cwd: serverRoot,
      env: { ...process.env, PYTHONPATH: 'src' },
    });
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    releaseLoading = join(dir, 'release-loading');
    server = await ManagedChild.start({
      name: 'reward-server',
      command: python,
      args: ['-m', 'reward_server'],
      cwd: serverRoot,
      env: {
        ...process.env,
        PYTHONPATH: 'src',
        REWARD_MODEL: join(dir, 'models', 'gated-head'),
        SERVED_MODEL_NAME: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
        HOST: '127.0.0.1',
        PORT: String(port),
        DEVICE: 'cpu',
        HF_HOME: join(dir, 'hf-home'),
        HF_MODULES_CACHE: join(dir, 'hf-modules'),
        HF_HUB_OFFLINE: '1',
        OMP_NUM_THREADS: '1',
        TINY_GATED_HOLD_FILE: releaseLoading, // the fixture model waits in from_pretrained until this file exists
      },
      logPath: join(dir, 'server.log'),
    });
    client = new RewardClient({ baseUrl, timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await server?.stop(20_000);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gets a retryable 503 with Retry-After while the model loads, then scores', async () => {
    await waitFor('the server to listen', async () => (await fetch(`${baseUrl}/health`).catch(() => undefined))?.status === 503, 120_000);
    const loading = await client.scoreAll('armorm', { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', instruction, responses }).catch((err: unknown) => err);
    expect(loading).toBeInstanceOf(BackendError);
    expect(loading).toMatchObject({ status: 503, retryable: true, retryAfterMs: 5000 });

    await writeFile(releaseLoading, '');
    await waitFor('the model to load', async () => (await fetch(`${baseUrl}/health`)).status === 200, 120_000);
    const scores = await client.scoreAll('armorm', { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', instruction, responses });
    expect(scores).toHaveLength(responses.length);
    expect(scores.every((s) => Number.isFinite(s))).toBe(true);
    expect(new Set(scores).size).toBe(responses.length);
  });

  it('returns each response its own score, the same batched as alone and every time', async () => {
    const req = { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', instruction, responses };
    const batched = await client.scoreAll('armorm', req);
    expect(await client.scoreAll('armorm', req)).toEqual(batched);
    const reversed = (await client.scoreAll('armorm', { ...req, responses: [...responses].reverse() })).reverse();
    for (const [i, response] of responses.entries()) {
      const [alone] = await client.scoreAll('armorm', { ...req, responses: [response] });
      expect(alone).toBeCloseTo(batched[i] ?? Number.NaN, 5);
      expect(reversed[i]).toBeCloseTo(batched[i] ?? Number.NaN, 5);
    }
  });

  it('fails without retry on a model the server does not serve, naming it', async () => {
    const err = await client.scoreAll('armorm', { model: 'Skywork/Skywork-Reward-Llama-3.1-8B', instruction, responses }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ status: 404, retryable: false });
    expect((err as Error).message).toContain("model: 'Skywork/Skywork-Reward-Llama-3.1-8B' is not served here");
  });
});
