import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchScheduler, type JobTiming } from './batch-scheduler.js';
import type { TimingParams } from './timing-params.js';

// Round numbers so expected times can be worked out by hand: decode = 10 + 5 × running ms/token.
const PARAMS: TimingParams = { maxNumSeqs: 2, prefillMsPerToken: 1, decodeBaseMs: 10, decodeMsPerRunningSeq: 5 };

describe('BatchScheduler (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const scheduler = (timeScale = 1): BatchScheduler => new BatchScheduler({ params: PARAMS, timeScale, nowMs: () => Date.now() });

  it('times a lone request as prefill + tokens × decode(1)', async () => {
    const s = scheduler();
    let timing: JobTiming | undefined;
    void s.run({ promptTokens: 10, sequenceTokens: [4] }).then((t) => (timing = t));
    await vi.advanceTimersByTimeAsync(69);
    expect(timing).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    // 10 × 1 ms prefill + 4 × (10 + 5 × 1) ms decode = 70 ms.
    expect(timing).toEqual({ queueSeconds: 0, timeToFirstTokenSeconds: 0.025, e2eSeconds: 0.07 });
    expect(s.stats().busySlotSeconds).toBeCloseTo(0.07, 9);
  });

  it('divides every time by timeScale', async () => {
    const s = scheduler(10);
    let timing: JobTiming | undefined;
    void s.run({ promptTokens: 10, sequenceTokens: [4] }).then((t) => (timing = t));
    await vi.advanceTimersByTimeAsync(7);
    expect(timing?.e2eSeconds).toBeCloseTo(0.007, 9);
    const stats = s.stats();
    expect(stats.busySlotSeconds).toBeCloseTo(0.07, 9);
    expect(stats.busySlotWallSeconds).toBeCloseTo(0.007, 9);
  });

  it('queues above maxNumSeqs, slows decode as the batch grows, and accounts busy slot-seconds', async () => {
    const s = scheduler();
    const done: JobTiming[] = [];
    for (let i = 0; i < 3; i++) void s.run({ promptTokens: 0, sequenceTokens: [2] }).then((t) => done.push(t));
    expect(s.runningSeqs).toBe(2);
    expect(s.waitingSeqs).toBe(1);
    // Two running: 2 tokens × (10 + 5 × 2) = 40 ms; then the third alone: 2 × 15 = 30 ms.
    await vi.advanceTimersByTimeAsync(40);
    expect(done.map((t) => t.e2eSeconds)).toEqual([0.04, 0.04]);
    expect(s.runningSeqs).toBe(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(done[2]).toEqual({ queueSeconds: 0.04, timeToFirstTokenSeconds: 0.055, e2eSeconds: 0.07 });
    const stats = s.stats();
    expect(stats.busySlotSeconds).toBeCloseTo(0.04 + 0.04 + 0.03, 9);
    expect(stats).toMatchObject({ requests: 3, sequences: 3, queuePeak: 1, runningSeqs: 0, waitingSeqs: 0 });
  });

  it('recomputes decode speed when a sequence leaves mid-flight', async () => {
    const s = scheduler();
    const ends: number[] = [];
    void s.run({ promptTokens: 0, sequenceTokens: [1] }).then((t) => ends.push(t.e2eSeconds));
    void s.run({ promptTokens: 0, sequenceTokens: [3] }).then((t) => ends.push(t.e2eSeconds));
    // Both at 20 ms/token until the first ends at 20 ms; the second has 2 tokens left at 15 ms/token.
    await vi.advanceTimersByTimeAsync(50);
    expect(ends).toEqual([0.02, 0.05]);
  });

  it('admits waiting sequences by request priority under the priority policy, in arrival order under fcfs', async () => {
    const order = async (policy: 'fcfs' | 'priority'): Promise<string[]> => {
      const s = new BatchScheduler({ params: PARAMS, timeScale: 1, policy, nowMs: () => Date.now() });
      const started: string[] = [];
      const job = (name: string, priority: number) => s.run({ promptTokens: 0, sequenceTokens: [1], priority, onStart: () => started.push(name) });
      // Two fill the slots; the rest wait: the generator's first, the reward's last.
      const all = [job('a', 3), job('b', 3), job('generator', 3), job('solver', 2), job('reward', 0), job('sampler', 1), job('reward-2', 0)];
      await vi.advanceTimersByTimeAsync(1_000);
      await Promise.all(all);
      return started.slice(2);
    };
    expect(await order('fcfs')).toEqual(['generator', 'solver', 'reward', 'sampler', 'reward-2']);
    expect(await order('priority')).toEqual(['reward', 'reward-2', 'sampler', 'solver', 'generator']);
  });

  it('tells each sequence as it gets a slot and as it finishes', async () => {
    const s = scheduler();
    const events: string[] = [];
    void s.run({ promptTokens: 0, sequenceTokens: [1, 2, 1], onAdmit: () => events.push('admit'), onRetire: () => events.push('retire') });
    expect(events).toEqual(['admit', 'admit']);
    await vi.advanceTimersByTimeAsync(20);
    expect(events).toEqual(['admit', 'admit', 'retire', 'admit']);
    await vi.advanceTimersByTimeAsync(100);
    expect(events.filter((e) => e === 'retire')).toHaveLength(3);
  });

  it('runs each of a request’s n sequences in its own slot and answers when the last ends', async () => {
    const s = scheduler();
    let timing: JobTiming | undefined;
    let started = 0;
    void s.run({ promptTokens: 0, sequenceTokens: [1, 1, 1], onStart: () => started++ }).then((t) => (timing = t));
    expect(started).toBe(1);
    expect(s.runningSeqs).toBe(2);
    await vi.advanceTimersByTimeAsync(35);
    // Two at 20 ms, then the third alone at 15 ms.
    expect(timing?.e2eSeconds).toBeCloseTo(0.035, 9);
    expect(s.stats().sequences).toBe(3);
  });

  it('prefills once for all of a request’s sequences when the prefill is shared (prefix caching)', async () => {
    const ends: Record<string, number> = {};
    for (const shared of [true, false]) {
      const s = scheduler();
      void s.run({ promptTokens: 20, sequenceTokens: [1, 1, 1], sharedPrefill: shared }).then((t) => (ends[String(shared)] = t.e2eSeconds));
      await vi.advanceTimersByTimeAsync(100);
    }
    // Two slots: sequences 1 and 2 prefill 20 ms and decode at 10 + 5 × 2 = 20 ms, ending at 40 ms. The third
    // then needs no prefill when it is shared (15 ms alone: 55 ms), but its own 20 ms otherwise (75 ms).
    expect(ends.true).toBeCloseTo(0.055, 9);
    expect(ends.false).toBeCloseTo(0.075, 9);
  });

  it('times each request with its own model’s costs', async () => {
    const s = scheduler();
    const ends: Record<string, number> = {};
    const slow: TimingParams = { ...PARAMS, prefillMsPerToken: 2, decodeBaseMs: 30 };
    void s.run({ promptTokens: 10, sequenceTokens: [2] }).then((t) => (ends.fast = t.e2eSeconds));
    void s.run({ promptTokens: 10, sequenceTokens: [2], timing: slow }).then((t) => (ends.slow = t.e2eSeconds));
    await vi.advanceTimersByTimeAsync(200);
    // fast: 10 + 2 × (10 + 5·2) = 50 ms; slow: 20 + the token running with the other (30 + 10) and alone (30 + 5).
    expect(ends.fast).toBeCloseTo(0.05, 9);
    expect(ends.slow).toBeGreaterThan(ends.fast ?? 1);
  });

  it('answers at once when timeScale is 0', async () => {
    const s = scheduler(0);
    await expect(s.run({ promptTokens: 1000, sequenceTokens: [1000] })).resolves.toEqual({ queueSeconds: 0, timeToFirstTokenSeconds: 0, e2eSeconds: 0 });
    expect(s.stats()).toMatchObject({ requests: 1, busySlotSeconds: 0 });
  });
});
