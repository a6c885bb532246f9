import { isoFromTimestamp, runCountsFromProto, runStatusFromProto, type Run } from '@magpie/api';
import type { DatasetRunStatus } from '@magpie/dataset';
import type { Translate } from '../i18n/translator.js';

/** A run's status in the catalog's words. */
export function shownStatus(run: Run, t: Translate): string {
  const status: DatasetRunStatus = run.status === 'RUN_STATUS_UNSPECIFIED' ? 'unknown' : runStatusFromProto(run.status);
  return t(`status.${status}`);
}

/** Aligned columns; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd());
}

/** `magpie runs list`: one line per run, newest first, under a header. */
export function formatRunTable(runs: readonly Run[], t: Translate): string[] {
  if (runs.length === 0) return [t('runs.none')];
  return alignColumns([
    [t('runs.header.run'), t('runs.header.status'), t('runs.header.domain'), t('runs.header.count'), t('runs.header.progress'), t('runs.header.created'), t('runs.header.model')],
    ...runs.map((run) => [
      run.run_id,
      shownStatus(run, t),
      run.spec?.domain ?? '-',
      String(run.spec?.count ?? '-'),
      String(run.counts?.rewards ?? 0),
      isoFromTimestamp(run.created_at) ?? '-',
      run.spec?.generator?.model ?? '-',
    ]),
  ]);
}

/** `magpie runs get`: the run's state, spec and counts as `field: value` lines. */
export function formatRunDetail(run: Run, t: Translate): string[] {
  const counts = runCountsFromProto(run.counts);
  const rejections = Object.entries(counts.rejections)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const { problem, solution, samples, rewards } = counts.records;
  const rows: [string, string][] = [
    [t('runs.field.status'), shownStatus(run, t)],
    ...(run.reason ? [[t('runs.field.reason'), run.reason] as [string, string]] : []),
    [t('runs.field.domain'), run.spec?.domain ?? '-'],
    [t('runs.field.model'), run.spec?.generator?.model ?? '-'],
    [t('runs.field.count'), String(run.spec?.count ?? '-')],
    [t('runs.field.created'), isoFromTimestamp(run.created_at) ?? '-'],
    [t('runs.field.finished'), isoFromTimestamp(run.finished_at) ?? '-'],
    [t('runs.field.counts'), `${t('progress.problems')} ${problem}, ${t('progress.solutions')} ${solution}, ${t('progress.samples')} ${samples}, ${t('progress.rewards')} ${rewards}`],
    [t('runs.field.deadLetters'), String(counts.deadLettered)],
    [t('runs.field.rejections'), rejections || '0'],
    ...(run.request_id ? [[t('runs.field.requestId'), run.request_id] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [run.run_id, ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)} ${value}`)];
}

/** The run for scripts (`--json`): the API's own message, field names as in the proto. */
export function runJson(run: Run): string {
  return JSON.stringify(run);
}
