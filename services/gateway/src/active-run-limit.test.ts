import { describe, expect, it, vi } from 'vitest';
import { ActiveRunLimit } from './active-run-limit.js';
import { LimitExceededError } from './errors.js';

describe('ActiveRunLimit', () => {
  it('admits until the stored running count plus its own starts reach the limit', async () => {
    let listings = 0;
    const limit = new ActiveRunLimit({
      max: 3,
      countRunning: () => {
        listings++;
        return Promise.resolve(1);
      },
      maxAgeMs: 60_000,
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => limit.admit(() => Promise.resolve(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    const rejected = results[2] as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(LimitExceededError);
    expect(String(rejected.reason)).toMatch(/MAX_ACTIVE_RUNS: 3/);
    expect(listings).toBe(1);
  });

  it('counts starts in flight, and frees their slot when they fail', async () => {
    const limit = new ActiveRunLimit({ max: 1, countRunning: () => Promise.resolve(0), maxAgeMs: 60_000 });
    let release: (() => void) | undefined;
    const slow = limit.admit(() => new Promise<void>((_resolve, reject) => (release = () => reject(new Error('nats down')))));
    // The first start is in flight once its work has begun.
    await vi.waitFor(() => expect(release).toBeDefined());
    await expect(limit.admit(() => Promise.resolve())).rejects.toBeInstanceOf(LimitExceededError);
    release?.();
    await expect(slow).rejects.toThrow('nats down');
    await expect(limit.admit(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('relists after maxAgeMs, so finished runs free their slots', async () => {
    let now = 0;
    let running = 2;
    const limit = new ActiveRunLimit({ max: 2, countRunning: () => Promise.resolve(running), maxAgeMs: 1_000, now: () => now });
    await expect(limit.admit(() => Promise.resolve())).rejects.toBeInstanceOf(LimitExceededError);
    running = 1;
    await expect(limit.admit(() => Promise.resolve())).rejects.toBeInstanceOf(LimitExceededError);
    now = 1_500;
    await expect(limit.admit(() => Promise.resolve('started'))).resolves.toBe('started');
  });
});
