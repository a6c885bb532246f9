import { MultiBar, Presets } from 'cli-progress';
import type { RecordCounts, RecordKind } from '@magpie/contracts';

/** Records per kind, as the run's counts report them. */
export type StageCounts = Readonly<RecordCounts>;

/** Shows per-stage progress of a run; `update` may be called for every record. */
export interface ProgressReporter {
  update(counts: StageCounts): void;
  /** Draws the last state and releases the terminal; idempotent. */
  stop(): void;
}

export interface ProgressReporterOptions {
  readonly stream: NodeJS.WritableStream;
  /** Bars need a terminal; anything else gets plain lines. */
  readonly isTty: boolean;
  /** The target count of every stage. */
  readonly total: number;
  /** Plain mode: at most one line per interval (and one at stop). Default 5 s. */
  readonly intervalMs?: number;
}

const STAGES = [
  ['problem', 'problems'],
  ['solution', 'solutions'],
  ['samples', 'samples'],
  ['rewards', 'rewards'],
] as const satisfies readonly (readonly [RecordKind, string])[];

/** Tags appear once the first one is stored: only runs with the tags stage on have any. */
const TAGS = ['tags', 'tags'] as const satisfies readonly [RecordKind, string];

function stagesOf(counts: StageCounts): readonly (readonly [RecordKind, string])[] {
  return counts.tags > 0 ? [...STAGES, TAGS] : STAGES;
}

/** A plain line such as `progress: problems 3/50, solutions 1/50, samples 0/50, rewards 0/50`. */
export function formatProgressLine(counts: StageCounts, total: number): string {
  return `progress: ${stagesOf(counts).map(([kind, label]) => `${label} ${counts[kind]}/${total}`).join(', ')}`;
}

function barReporter(options: ProgressReporterOptions): ProgressReporter {
  const multi = new MultiBar(
    {
      stream: options.stream,
      format: '{stage} |{bar}| {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    Presets.shades_classic,
  );
  const bars = new Map<RecordKind, ReturnType<MultiBar['create']>>(STAGES.map(([kind, label]) => [kind, multi.create(options.total, 0, { stage: label.padEnd(9) })]));
  let stopped = false;
  return {
    update(counts) {
      if (stopped) return;
      if (counts.tags > 0 && !bars.has('tags')) bars.set('tags', multi.create(options.total, 0, { stage: TAGS[1].padEnd(9) }));
      for (const [kind, bar] of bars) bar.update(counts[kind]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}

function lineReporter(options: ProgressReporterOptions): ProgressReporter {
  const intervalMs = options.intervalMs ?? 5_000;
  let latest: StageCounts = { problem: 0, solution: 0, samples: 0, rewards: 0, tags: 0 };
  let lastPrinted = '';
  let stopped = false;
  const print = (): void => {
    const line = formatProgressLine(latest, options.total);
    // Repeating an unchanged line every interval only adds noise to a log.
    if (line === lastPrinted) return;
    lastPrinted = line;
    options.stream.write(`${line}\n`);
  };
  const timer = setInterval(print, intervalMs);
  timer.unref();
  return {
    update(counts) {
      latest = { ...counts };
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
  return options.isTty ? barReporter(options) : lineReporter(options);
}
