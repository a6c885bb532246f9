import { MultiBar, type SingleBar } from 'cli-progress';
import { emptyRunCounts, type RecordKind, type RunCounts } from '@magpie/contracts';
import type { MessageKey } from '../i18n/messages-en.js';
import type { Translate } from '../i18n/translator.js';
import { formatDuration, formatRate, RateEstimator, type StageRates } from './rate-estimator.js';

/** Shows a run's progress per stage; `update` may be called for every reading. */
export interface ProgressReporter {
  update(counts: RunCounts): void;
  /** A line such as a reconnect notice: above the bars on a terminal, its own line otherwise. */
  notice(line: string): void;
  /** Draws the last state and releases the terminal; idempotent. */
  stop(): void;
}

export interface ProgressReporterOptions {
  readonly stream: NodeJS.WritableStream;
  /** Bars need a terminal; anything else gets plain lines. */
  readonly isTty: boolean;
  /** The target count of every stage. */
  readonly total: number;
  readonly t: Translate;
  /** Plain mode: at most one progress line per interval, and only when it changed. Default 5 s. */
  readonly intervalMs?: number;
  readonly nowMs?: () => number;
}

const STAGES = [
  ['problem', 'progress.problems'],
  ['solution', 'progress.solutions'],
  ['samples', 'progress.samples'],
  ['rewards', 'progress.rewards'],
] as const satisfies readonly (readonly [RecordKind, MessageKey])[];

/** Tags appear once the first one is stored: only runs with the tags stage on have any. */
const TAGS = ['tags', 'progress.tags'] as const satisfies readonly [RecordKind, MessageKey];

function stagesOf(counts: RunCounts): readonly (readonly [RecordKind, MessageKey])[] {
  return counts.records.tags > 0 ? [...STAGES, TAGS] : STAGES;
}

const EMPTY: RunCounts = emptyRunCounts();

const rejectedOf = (counts: RunCounts): number => Object.values(counts.rejections).reduce((a, b) => a + b, 0);
const percent = (done: number, total: number): number => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

/** The plain progress line: every stage with its percentage, rejects, dead letters, the pair rate and the ETA. */
export function formatProgressLine(counts: RunCounts, total: number, rates: StageRates, t: Translate): string {
  const stages = stagesOf(counts).map(([kind, label]) =>
    t('progress.stage', { label: t(label), done: counts.records[kind], total, percent: percent(counts.records[kind], total) }),
  ).join(', ');
  return t('progress.line', {
    stages,
    rejected: rejectedOf(counts),
    deadLetters: counts.deadLettered,
    rate: formatRate(rates.perSecond.rewards),
    eta: formatDuration(rates.etaSeconds, t('progress.etaUnknown')),
  });
}

function barReporter(options: ProgressReporterOptions, estimate: (counts: RunCounts) => StageRates): ProgressReporter {
  const { t, total } = options;
  const width = Math.max(...[...STAGES, TAGS].map(([, label]) => t(label).length));
  const multi = new MultiBar({ stream: options.stream, hideCursor: true, clearOnComplete: false, autopadding: true, barsize: 30 });
  const createBar = (label: MessageKey): SingleBar =>
    multi.create(total, 0, { label: t(label).padEnd(width), rate: '0' }, {
      format: '{label} |{bar}| {percentage}% {value}/{total} {rate}/s',
      barCompleteChar: '█',
      barIncompleteChar: '░',
    });
  const bars = new Map<RecordKind, SingleBar>(STAGES.map(([kind, label]) => [kind, createBar(label)]));
  const footer = multi.create(1, 0, { text: '' }, { format: '{text}' });
  let stopped = false;
  return {
    update(counts) {
      if (stopped) return;
      const rates = estimate(counts);
      if (counts.records.tags > 0 && !bars.has('tags')) bars.set('tags', createBar(TAGS[1]));
      for (const [kind, bar] of bars) bar.update(counts.records[kind], { rate: formatRate(rates.perSecond[kind]) });
      footer.update(0, {
        text: t('progress.footer', {
          rejected: rejectedOf(counts),
          deadLetters: counts.deadLettered,
          rate: formatRate(rates.perSecond.rewards),
          eta: formatDuration(rates.etaSeconds, t('progress.etaUnknown')),
        }),
      });
    },
    notice(line) {
      // MultiBar.log queues the line above the bars and the redraw (now, not at the next tick) writes
      // it and the bars below it, so a notice never lands inside a bar.
      if (stopped) options.stream.write(`${line}\n`);
      else {
        multi.log(`${line}\n`);
        multi.update();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}

function lineReporter(options: ProgressReporterOptions, estimate: (counts: RunCounts) => StageRates): ProgressReporter {
  const intervalMs = options.intervalMs ?? 5_000;
  let latest = EMPTY;
  let rates = estimate(EMPTY);
  let lastPrinted = '';
  let lastNotice = '';
  let stopped = false;
  const print = (): void => {
    const line = formatProgressLine(latest, options.total, rates, options.t);
    // A log gets one line per change, at most one per interval: repeating an unchanged line is noise.
    if (line === lastPrinted) return;
    lastPrinted = line;
    options.stream.write(`${line}\n`);
  };
  const timer = setInterval(print, intervalMs);
  timer.unref();
  return {
    update(counts) {
      latest = counts;
      rates = estimate(counts);
    },
    notice(line) {
      // The same notice repeated (a gateway retried every few seconds) is written once per change.
      if (line === lastNotice) return;
      lastNotice = line;
      options.stream.write(`${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      print();
    },
  };
}

/** Progress bars on a terminal, periodic plain lines otherwise. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const estimator = new RateEstimator(options.total);
  const nowMs = options.nowMs ?? Date.now;
  const estimate = (counts: RunCounts): StageRates => estimator.add(counts.records, nowMs());
  return options.isTty ? barReporter(options, estimate) : lineReporter(options, estimate);
}
