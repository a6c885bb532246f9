import { counterValues, subjectCounts, type JetStreamManager } from '@magpie/bus';
import {
  QUALITY_FACETS,
  Streams,
  Subjects,
  emptyQualitySummary,
  type QualityCounter,
  type QualityFacet,
  type QualitySummary,
  type RunCounts,
} from '@magpie/contracts';

type CounterValue<F extends QualityFacet> = Extract<QualityCounter, { facet: F }>['value'];

/** The values of one facet's counters, every value present (0 when never incremented). */
function facetValues<F extends QualityFacet>(runId: string, facet: F, read: (subject: string) => number): Record<CounterValue<F>, number> {
  const values = {} as Record<CounterValue<F>, number>;
  for (const value of QUALITY_FACETS[facet] as readonly string[] as readonly CounterValue<F>[]) {
    values[value] = read(Subjects.qualityCounter(runId, { facet, value } as QualityCounter));
  }
  return values;
}

/** Only the positive entries, for the summary's by-reason maps. */
function positive<K extends string>(values: Record<K, number>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(values).filter(([, n]) => (n as number) > 0)) as Partial<Record<K, number>>;
}

const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);

/**
 * A run's quality summary from its counters: `counts` are the per-subject message counts of the
 * QUALITY stream (one message per applied +1 increment), `tokens` the values of its token
 * counters; duplicates and removed contamination come from the generator's rejections, flagged
 * contamination from its flags (contamination in flag mode). Pure.
 */
export function qualitySummaryOf(
  runId: string,
  counts: Readonly<Record<string, number>>,
  tokens: Readonly<Record<string, number>>,
  { rejections, flags }: Pick<RunCounts, 'rejections' | 'flags'>,
): QualitySummary {
  const read = (subject: string): number => counts[subject] ?? 0;
  const sft = facetValues(runId, 'sft', read);
  const { verified, ...unverified } = sft;
  const unverifiedTotal = sum(unverified);
  const kept = facetValues(runId, 'pair_kept', read);
  const skipped = facetValues(runId, 'pair_skipped', read);
  const sampling = facetValues(runId, 'sampling', read);
  const tally = facetValues(runId, 'tokens', (subject) => tokens[subject] ?? 0);
  return {
    agreement: facetValues(runId, 'agreement', read),
    sft: {
      verified,
      unverified: unverifiedTotal,
      verifiedShare: verified + unverifiedTotal > 0 ? verified / (verified + unverifiedTotal) : null,
      unverifiedByOutcome: positive(unverified),
    },
    pairs: { kept: sum(kept), keptByKind: positive(kept), skipped: sum(skipped), skippedByReason: positive(skipped) },
    adaptiveSampling: {
      stoppedEarly: sampling.stopped,
      extended: sampling.extended,
      completionTokensSaved: tally.saved,
      extensionPromptTokens: tally.extension_prompt,
    },
    duplicates: { exact: rejections.exact_duplicate ?? 0, near: rejections.near_duplicate ?? 0 },
    contamination: contaminationOf(rejections, flags),
  };
}

/** Contaminated problems: kept with evidence (flag mode) or removed (remove mode). */
function contaminationOf(rejections: RunCounts['rejections'], flags: RunCounts['flags']): QualitySummary['contamination'] {
  return { flagged: flags.contaminated ?? 0, removed: rejections.contaminated ?? 0 };
}

/** The subjects of a run's token counters. */
function tokenSubjects(runId: string): string[] {
  return QUALITY_FACETS.tokens.map((value) => Subjects.qualityCounter(runId, { facet: 'tokens', value }));
}

/** Reads a run's quality summary: one stream-state read and one read per token counter. */
export async function readQualitySummary(
  jsm: JetStreamManager,
  runId: string,
  rejections: RunCounts['rejections'],
  flags: RunCounts['flags'] = {},
): Promise<QualitySummary> {
  const counts = await subjectCounts(jsm, Streams.quality.name, Subjects.qualityOfRun(runId));
  if (Object.keys(counts).length === 0) {
    return {
      ...emptyQualitySummary(),
      duplicates: { exact: rejections.exact_duplicate ?? 0, near: rejections.near_duplicate ?? 0 },
      contamination: contaminationOf(rejections, flags),
    };
  }
  const present = tokenSubjects(runId).filter((subject) => (counts[subject] ?? 0) > 0);
  const tokens = present.length > 0 ? await counterValues(jsm, Streams.quality.name, present) : {};
  return qualitySummaryOf(runId, counts, tokens, { rejections, flags });
}
