import type { DatasetQuality } from '@magpie/dataset';

const byKey = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || 'none';

/** The run's quality summary as `magpie run` prints it after the files. */
export function qualityLines(q: DatasetQuality): string[] {
  const evaluated = q.sft.verified + q.sft.unverified;
  const share = q.sft.verified_share === null ? '-' : `${(100 * q.sft.verified_share).toFixed(1)} %`;
  const lines = [
    `agreement: ${byKey(q.agreement)}`,
    `verified SFT: ${q.sft.verified}/${evaluated} (${share}); unverified: ${byKey(q.sft.unverified_by_outcome)}`,
    `pairs: kept ${q.pairs.kept} (${byKey(q.pairs.kept_by_kind)}), skipped ${q.pairs.skipped} (${byKey(q.pairs.skipped_by_reason)})`,
    `duplicates dropped: exact ${q.duplicates.exact}, near ${q.duplicates.near}; contamination: flagged ${q.contamination.flagged}, removed ${q.contamination.removed}`,
  ];
  const a = q.adaptive_sampling;
  if (a.stopped_early + a.extended > 0) {
    lines.push(
      `adaptive sampling: stopped early ${a.stopped_early}, extended ${a.extended}; ~${a.completion_tokens_saved} completion tokens saved, ${a.extension_prompt_tokens} prompt tokens spent on extensions`,
    );
  }
  return lines;
}
