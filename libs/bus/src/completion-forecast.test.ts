import { describe, expect, it } from 'vitest';
import { CompletionForecast } from './completion-forecast.js';

describe('CompletionForecast', () => {
  it('gives a message the grace period when nothing is known yet', () => {
    expect(new CompletionForecast().canFinish(0, 500)).toBe(true);
    expect(new CompletionForecast().canFinish(60_000, 500)).toBe(true);
  });

  it('keeps a message that is near its end and releases one that has far to go', () => {
    const forecast = new CompletionForecast();
    for (let i = 0; i < 20; i++) forecast.observe(3_000 + i * 10);
    expect(forecast.canFinish(2_900, 1_000)).toBe(true);
    expect(forecast.canFinish(100, 1_000)).toBe(false);
    expect(forecast.canFinish(100, 5_000)).toBe(true);
  });

  it('judges from the messages that took longer than this one has so far', () => {
    const forecast = new CompletionForecast();
    // Mostly quick, a few long ones: one that is already past the quick ones is one of the long ones.
    for (let i = 0; i < 90; i++) forecast.observe(200);
    for (let i = 0; i < 10; i++) forecast.observe(60_000);
    expect(forecast.canFinish(10, 1_000)).toBe(true);
    expect(forecast.canFinish(1_000, 1_000)).toBe(false);
  });

  it('takes the time left of a message longer than any seen to be about what it took so far', () => {
    const forecast = new CompletionForecast();
    forecast.observe(100);
    expect(forecast.canFinish(400, 500)).toBe(true);
    expect(forecast.canFinish(800, 500)).toBe(false);
  });

  it('forgets durations beyond its window', () => {
    const forecast = new CompletionForecast(4);
    for (let i = 0; i < 4; i++) forecast.observe(10_000);
    for (let i = 0; i < 4; i++) forecast.observe(100);
    // Only the quick ones are left, so a message 200 ms in is past all of them and close to done.
    expect(forecast.canFinish(200, 1_000)).toBe(true);
  });
});
