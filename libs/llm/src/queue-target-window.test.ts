import { describe, expect, it } from 'vitest';
import { BACKEND_PRIORITY, targetWaitingFor } from './backend-priority.js';
import { QueueTargetWindow } from './queue-target-window.js';

describe('QueueTargetWindow', () => {
  it('grows one sequence per finished call on an empty queue and not at all at its target', () => {
    const w = new QueueTargetWindow({ initial: 4, min: 1, max: 10, targetWaiting: 4 });
    w.grow();
    w.grow();
    expect(w.size).toBe(6);
    w.observe({ waiting: 4, running: 10 }, 6, true);
    w.grow();
    expect(w.size).toBe(6);
  });

  it('shrinks by its share of the queue above the target, and not when it has nothing on the replica', () => {
    const w = new QueueTargetWindow({ initial: 64, min: 1, max: 64, targetWaiting: 4 });
    // 24 waiting, 20 over the target; this pool holds half of the 80 sequences: 0.5 × 20 × 0.5 = 5.
    w.observe({ waiting: 24, running: 56 }, 40, true);
    expect(w.size).toBe(59);
    const idle = new QueueTargetWindow({ initial: 64, min: 1, max: 64, targetWaiting: 4 });
    idle.observe({ waiting: 24, running: 56 }, 0, true);
    expect(idle.size).toBe(64);
  });

  it('grows towards the target only while it is the limit, halves on pushback, and stays within bounds', () => {
    const w = new QueueTargetWindow({ initial: 8, min: 2, max: 12, targetWaiting: 6 });
    w.observe({ waiting: 0, running: 4 }, 4, false);
    expect(w.size).toBe(8);
    w.observe({ waiting: 0, running: 8 }, 8, true);
    expect(w.size).toBe(11);
    w.observe({ waiting: 0, running: 11 }, 11, true);
    expect(w.size).toBe(12);
    w.pushback();
    expect(w.size).toBe(6);
    w.pushback();
    w.pushback();
    expect(w.size).toBe(2);
    expect(() => new QueueTargetWindow({ initial: 1, min: 1, max: 1, targetWaiting: -1 })).toThrow(RangeError);
  });

  it('keeps a shared replica full with a small, steady queue, and gives downstream stages the larger share', () => {
    // Four stages, each with more work than its window, share one 128-slot replica read twice per
    // call latency; each finished call grows its window, each reading steers it.
    const slots = 128;
    const stages = (['generator', 'solver', 'sampler', 'reward'] as const).map((name) => ({
      name,
      window: new QueueTargetWindow({ initial: slots, min: 1, max: slots, targetWaiting: targetWaitingFor(name, slots, 2) }),
    }));
    const waitingSeen: number[] = [];
    const runningSeen: number[] = [];
    for (let tick = 0; tick < 400; tick++) {
      const demand = stages.reduce((sum, s) => sum + s.window.size, 0);
      const running = Math.min(slots, demand);
      const waiting = demand - running;
      if (tick >= 200) {
        waitingSeen.push(waiting);
        runningSeen.push(running);
      }
      for (const s of stages) {
        // Half the running sequences finish per reading; a stage's share of them is its share of the batch.
        const finished = Math.round(((s.window.size / demand) * running) / 2);
        for (let i = 0; i < finished; i++) s.window.grow();
        s.window.observe({ waiting, running }, s.window.size, true);
      }
    }
    const widest = Math.max(...stages.map((s) => s.window.targetWaiting));
    expect(Math.min(...runningSeen)).toBe(slots);
    expect(Math.max(...waitingSeen)).toBeLessThanOrEqual(2 * widest);
    const size = (name: string) => stages.find((s) => s.name === name)?.window.size ?? 0;
    // With every stage saturated, strict downstream priority: the upstream stages yield down to
    // their floor (in a real run downstream work runs out without upstream's, so they come back).
    expect(size('reward')).toBeGreaterThanOrEqual(size('sampler'));
    expect(size('sampler')).toBeGreaterThanOrEqual(size('solver'));
    expect(size('solver')).toBeGreaterThanOrEqual(size('generator'));
    expect(size('reward')).toBeGreaterThan(slots / 2);
  });
});

describe('backend priority', () => {
  it('serves downstream first: reward, then sampler, then solver, then generator', () => {
    expect(BACKEND_PRIORITY.reward).toBeLessThan(BACKEND_PRIORITY.sampler);
    expect(BACKEND_PRIORITY.sampler).toBeLessThan(BACKEND_PRIORITY.solver);
    expect(BACKEND_PRIORITY.solver).toBeLessThan(BACKEND_PRIORITY.generator);
  });

  it('gives the most upstream stage the given percent of the slots as its queue target, one more step per stage downstream', () => {
    expect(targetWaitingFor('generator', 256, 2)).toBe(5);
    expect(targetWaitingFor('reward', 256, 2)).toBe(20);
    expect(targetWaitingFor('generator', 4, 2)).toBe(1);
  });
});
