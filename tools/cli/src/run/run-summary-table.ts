import type { DatasetRunStatus } from '@magpie/dataset';
import type { RunResult } from './run-dataset.js';

/** One planned run of a multi-run command and, once it ran, its outcome. */
export interface RunSummaryRow {
  readonly domain: string;
  readonly count: number;
  /** Undefined when the run never got as far as writing a dataset (gateway unreachable, rejected, skipped). */
  readonly result?: RunResult;
  /** The run's exit code, or undefined when it was skipped after an interrupt. */
  readonly exitCode?: number;
}

function statusOf(row: RunSummaryRow): DatasetRunStatus | 'not started' | 'skipped' {
  if (row.result) return row.result.status;
  return row.exitCode === undefined ? 'skipped' : 'not started';
}

/**
 * A plain-text table of several runs, one line per domain and a total line, for the end of
 * `magpie generate-all` (readable in a terminal and in a log file).
 */
export function formatRunSummaryTable(rows: readonly RunSummaryRow[]): string[] {
  const header = ['domain', 'count', 'status', 'problems', 'complete', 'pairs', 'run', 'dataset'];
  const body = rows.map((row) => {
    const info = row.result?.summary.info;
    return [
      row.domain,
      String(row.count),
      statusOf(row),
      info?.counts ? String(info.counts.records.problem) : '-',
      info ? String(info.dataset.complete_problems) : '-',
      info ? String(info.dataset.pairs_emitted) : '-',
      row.result?.runId ?? '-',
      row.result?.summary.dir ?? '-',
    ];
  });
  const sum = (pick: (row: RunSummaryRow) => number | undefined): string => String(rows.reduce((n, row) => n + (pick(row) ?? 0), 0));
  const total = [
    'total',
    sum((r) => r.count),
    `${rows.filter((r) => r.result?.status === 'succeeded').length}/${rows.length} succeeded`,
    sum((r) => r.result?.summary.info.counts?.records.problem),
    sum((r) => r.result?.summary.info.dataset.complete_problems),
    sum((r) => r.result?.summary.info.dataset.pairs_emitted),
    '',
    '',
  ];
  const table = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
  return table.map((cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
