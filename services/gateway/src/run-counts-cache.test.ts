import { emptyRunCounts, type RunCounts } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import { describe, expect, it } from 'vitest';
import { RunCountsCache } from './run-counts-cache.js';

describe('RunCountsCache', () => {
  it('shares one read among concurrent callers and rereads a running run after maxAgeMs', async () => {
    let now = 0;
    let reads = 0;
    const cache = new RunCountsCache({ read: () => Promise.resolve({ ...emptyRunCounts(), deadLettered: ++reads }), maxAgeMs: 1_000, now: () => now });
    const running = fixtures.runState();
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get(running)));
    expect(reads).toBe(1);
    expect(new Set(results).size).toBe(1);
    now = 500;
    await cache.get(running);
    expect(reads).toBe(1);
    now = 1_500;
    expect((await cache.get(running)).deadLettered).toBe(2);
  });

  it('keeps the counts of a run that ended long enough ago for good', async () => {
    let reads = 0;
    const now = Date.parse('2026-01-01T01:00:00Z');
    const cache = new RunCountsCache({ read: () => Promise.resolve({ ...emptyRunCounts(), deadLettered: ++reads }), maxAgeMs: 0, settleMs: 10_000, now: () => now });
    const ended = fixtures.runState({ status: 'succeeded', finishedAt: '2026-01-01T00:00:00.000Z' });
    await cache.get(ended);
    await cache.get(ended);
    expect(reads).toBe(1);
  });

  it('serves the last counts while they cannot be read, and the error when it has none', async () => {
    let fail = false;
    let now = 0;
    const counts: RunCounts = emptyRunCounts();
    const cache = new RunCountsCache({ read: () => (fail ? Promise.reject(new Error('nats down')) : Promise.resolve(counts)), maxAgeMs: 10, now: () => now });
    const running = fixtures.runState();
    await cache.get(running);
    fail = true;
    now = 100;
    await expect(cache.get(running)).resolves.toBe(counts);
    await expect(cache.get(fixtures.runState({ runId: 'run-other' }))).rejects.toThrow('nats down');
  });
});
