import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { emptyQualitySummary, type RunCounts } from '@magpie/contracts';
import { createTranslator } from '../i18n/translator.js';
import { createProgressReporter, formatProgressLine } from './progress-reporter.js';
import { RateEstimator } from './rate-estimator.js';

const en = createTranslator('en');
const ja = createTranslator('ja');

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const counts = (
  [problem, solution, samples, rewards, tags = 0]: readonly [number, number, number, number, number?],
  extra: Partial<RunCounts> = {},
): RunCounts => ({
  records: { problem, solution, samples, rewards, tags },
  deadLettered: 0,
  rejections: {},
  flags: {},
  quality: emptyQualitySummary(),
  ...extra,
});
// Terminal control sequences (cursor moves, colours) in what a bar display wrote.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

describe('progress reporter', () => {
  it('formats a plain line with percentages, rejects, dead letters, the pair rate and the ETA, in English and Japanese', () => {
    const estimator = new RateEstimator(50);
    estimator.add(counts([0, 0, 0, 0]).records, 0);
    const rates = estimator.add(counts([20, 10, 10, 5]).records, 10_000);
    const c = counts([20, 10, 10, 5], { deadLettered: 1, rejections: { too_short: 3, near_duplicate: 1 } });
    expect(formatProgressLine(c, 50, rates, en)).toBe(
      'progress: problems 20/50 (40%), solutions 10/50 (20%), samples 10/50 (20%), rewards 5/50 (10%); rejected 4, dead letters 1; 0.50 pairs/s, ETA 1m30s',
    );
    expect(formatProgressLine(c, 50, rates, ja)).toBe(
      '進捗: 問題 20/50（40%）, 解答 10/50（20%）, サンプル 10/50（20%）, 報酬 5/50（10%）。除外 4、デッドレター 1、0.50 ペア/秒、残り時間 1m30s',
    );
  });

  it('adds tags once a run stores them', () => {
    const rates = new RateEstimator(50).add(counts([3, 1, 0, 0, 2]).records, 0);
    expect(formatProgressLine(counts([3, 1, 0, 0, 2]), 50, rates, en)).toContain('rewards 0/50 (0%), tags 2/50 (4%);');
    expect(formatProgressLine(counts([3, 1, 0, 0]), 50, rates, en)).not.toContain('tags');
  });

  it('prints plain lines at most once per interval, only when they changed, and a last line at stop', () => {
    vi.useFakeTimers();
    const { stream, text } = capture();
    let now = 0;
    const reporter = createProgressReporter({ stream, isTty: false, total: 2, intervalMs: 50, t: en, nowMs: () => now });
    reporter.update(counts([1, 0, 0, 0]));
    // Three intervals with the same counts print one line.
    vi.advanceTimersByTime(180);
    now = 2_000;
    reporter.update(counts([2, 2, 2, 2]));
    reporter.stop();
    vi.useRealTimers();
    reporter.stop();
    expect(text().split('\n').filter(Boolean)).toEqual([
      'progress: problems 1/2 (50%), solutions 0/2 (0%), samples 0/2 (0%), rewards 0/2 (0%); rejected 0, dead letters 0; 0.00 pairs/s, ETA –',
      'progress: problems 2/2 (100%), solutions 2/2 (100%), samples 2/2 (100%), rewards 2/2 (100%); rejected 0, dead letters 0; 1.0 pairs/s, ETA 0s',
    ]);
  });

  it('writes a repeated notice once on a non-terminal', () => {
    const { stream, text } = capture();
    const reporter = createProgressReporter({ stream, isTty: false, total: 2, t: en });
    for (let i = 0; i < 5; i += 1) reporter.notice('magpie run: GetRun: the gateway is unavailable');
    reporter.notice('magpie run: resumed');
    reporter.stop();
    expect(text().split('\n').filter((l) => l.startsWith('magpie run'))).toEqual(['magpie run: GetRun: the gateway is unavailable', 'magpie run: resumed']);
  });

  it('draws one bar per stage on a terminal, with a footer, and prints notices above the bars', () => {
    const { stream, text } = capture();
    Object.assign(stream, { isTTY: true, columns: 160, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const reporter = createProgressReporter({ stream, isTty: true, total: 4, t: en });
    reporter.update(counts([4, 2, 1, 0], { deadLettered: 2, rejections: { empty: 5 } }));
    reporter.notice('magpie run: record stream interrupted (bus restarting); resuming after cursor 7');
    reporter.update(counts([4, 3, 1, 0], { deadLettered: 2, rejections: { empty: 5 } }));
    reporter.stop();
    const screen = text();
    for (const label of ['problems', 'solutions', 'samples', 'rewards']) expect(screen).toContain(label);
    expect(screen).toContain('100% 4/4');
    expect(screen).toContain('rejected 5 · dead letters 2');
    // The notice is a line of its own, never spliced into a bar.
    const noticeLine = screen.split(/\r|\n/).find((line) => line.includes('record stream interrupted'));
    expect(noticeLine?.replace(ANSI, '')).toBe('magpie run: record stream interrupted (bus restarting); resuming after cursor 7');
  });
});
