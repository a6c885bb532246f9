import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createProgressReporter, formatProgressLine } from './progress-reporter.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('progress reporter', () => {
  it('formats a plain progress line', () => {
    expect(formatProgressLine({ problem: 3, solution: 1, samples: 0, rewards: 0, tags: 0 }, 50)).toBe(
      'progress: problems 3/50, solutions 1/50, samples 0/50, rewards 0/50',
    );
  });

  it('adds tags once a run stores them', () => {
    expect(formatProgressLine({ problem: 3, solution: 1, samples: 0, rewards: 0, tags: 2 }, 50)).toBe(
      'progress: problems 3/50, solutions 1/50, samples 0/50, rewards 0/50, tags 2/50',
    );
  });

  it('prints plain lines periodically, skipping unchanged ones, and a last line at stop', () => {
    vi.useFakeTimers();
    const { stream, text } = capture();
    const reporter = createProgressReporter({ stream, isTty: false, total: 2, intervalMs: 50 });
    reporter.update({ problem: 1, solution: 0, samples: 0, rewards: 0, tags: 0 });
    // Three intervals with the same counts print one line.
    vi.advanceTimersByTime(180);
    reporter.update({ problem: 2, solution: 2, samples: 2, rewards: 2, tags: 0 });
    reporter.stop();
    vi.useRealTimers();
    reporter.stop();
    expect(text().split('\n').filter(Boolean)).toEqual([
      'progress: problems 1/2, solutions 0/2, samples 0/2, rewards 0/2',
      'progress: problems 2/2, solutions 2/2, samples 2/2, rewards 2/2',
    ]);
  });

  it('draws one bar per stage on a terminal', () => {
    const { stream, text } = capture();
    Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const reporter = createProgressReporter({ stream, isTty: true, total: 4 });
    reporter.update({ problem: 4, solution: 2, samples: 1, rewards: 0, tags: 0 });
    reporter.stop();
    for (const label of ['problems', 'solutions', 'samples', 'rewards']) expect(text()).toContain(label);
    expect(text()).toContain('4/4');
  });
});
