import type { QualitySummary, RewardsRecord, SamplesRecord, SolutionRecord } from '@magpie/contracts';

/** One run's records by slot, as the bench streams them. */
export interface RunRecords {
  readonly runId: string;
  readonly problems: ReadonlyMap<number, string>;
  readonly solutions: ReadonlyMap<number, SolutionRecord>;
  readonly samples: ReadonlyMap<number, SamplesRecord>;
  readonly rewards: ReadonlyMap<number, RewardsRecord>;
  /** The platform's own summary (GetRun). */
  readonly summary: QualitySummary;
}

/** The simulator's verdicts for one run: each solution's, and each sample's by slot. */
export interface RunTruth {
  readonly solution: ReadonlyMap<number, boolean | null>;
  readonly samples: ReadonlyMap<number, readonly (boolean | null)[]>;
}

/** What a bench run measured against the simulator's truth. */
export interface QualityMeasurement {
  readonly problems: number;
  readonly pairsKept: number;
  readonly pairsKeptByKind: Readonly<Record<string, number>>;
  readonly pairsSkippedByReason: Readonly<Record<string, number>>;
  /** Kept pairs whose problem the simulator can judge. */
  readonly pairsJudged: number;
  readonly chosenCorrect: number;
  readonly rejectedWrong: number;
  /** Chosen right and rejected wrong: the pairs that teach correctness. */
  readonly usefulPairs: number;
  /** Both right or both wrong: no correctness signal. */
  readonly noSignal: number;
  readonly noSignalBothRight: number;
  readonly noSignalBothWrong: number;
  /** Chosen wrong and rejected right: the pair teaches the wrong answer. */
  readonly inverted: number;
  /** Problems with at least one right and one wrong complete sample: the most useful pairs any rule could make. */
  readonly problemsWithSignal: number;
  readonly sftJudged: number;
  readonly sftCorrect: number;
  readonly sftVerified: number;
  readonly sftVerifiedCorrect: number;
  /** verified ∧ correct / verified. */
  readonly verifiedPrecision: number | null;
  /** verified ∧ correct / correct. */
  readonly verifiedRecall: number | null;
  readonly samplerCompletionTokens: number;
  readonly samplerPromptTokens: number;
}

const count = <T>(items: Iterable<T>, test: (item: T) => boolean): number => {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
};

function tally(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Measures one run's pairs and verdicts against the simulator's truth. Pure. */
export function measureQuality(run: RunRecords, truth: RunTruth): QualityMeasurement {
  const rewards = [...run.rewards.values()];
  const kept = rewards.filter((r) => r.pair.skipReason === null && r.pair.chosenIndex !== null && r.pair.rejectedIndex !== null);
  const judged = kept
    .map((r) => {
      const verdicts = truth.samples.get(r.id) ?? [];
      return { chosen: verdicts[r.pair.chosenIndex ?? -1] ?? null, rejected: verdicts[r.pair.rejectedIndex ?? -1] ?? null };
    })
    .filter((j): j is { chosen: boolean; rejected: boolean } => j.chosen !== null && j.rejected !== null);
  const sft = [...run.solutions.values()]
    .map((s) => ({ correct: truth.solution.get(s.id) ?? null, verified: run.rewards.get(s.id)?.sft.verified === true }))
    .filter((s): s is { correct: boolean; verified: boolean } => s.correct !== null);
  const sftVerified = count(sft, (s) => s.verified);
  const sftCorrect = count(sft, (s) => s.correct);
  const sftVerifiedCorrect = count(sft, (s) => s.verified && s.correct);
  const samples = [...run.samples.values()];
  return {
    problems: run.problems.size,
    pairsKept: kept.length,
    pairsKeptByKind: tally(kept.map((r) => r.pair.kind ?? 'unknown')),
    pairsSkippedByReason: tally(rewards.flatMap((r) => (r.pair.skipReason === null ? [] : [r.pair.skipReason]))),
    pairsJudged: judged.length,
    chosenCorrect: count(judged, (j) => j.chosen),
    rejectedWrong: count(judged, (j) => !j.rejected),
    usefulPairs: count(judged, (j) => j.chosen && !j.rejected),
    noSignal: count(judged, (j) => j.chosen === j.rejected),
    noSignalBothRight: count(judged, (j) => j.chosen && j.rejected),
    noSignalBothWrong: count(judged, (j) => !j.chosen && !j.rejected),
    inverted: count(judged, (j) => !j.chosen && j.rejected),
    problemsWithSignal: count(samples, (s) => {
      const verdicts = truth.samples.get(s.id) ?? [];
      const complete = verdicts.filter((_, i) => s.finishReasons[i] === 'stop');
      return complete.includes(true) && complete.includes(false);
    }),
    sftJudged: sft.length,
    sftCorrect,
    sftVerified,
    sftVerifiedCorrect,
    verifiedPrecision: sftVerified > 0 ? sftVerifiedCorrect / sftVerified : null,
    verifiedRecall: sftCorrect > 0 ? sftVerifiedCorrect / sftCorrect : null,
    samplerCompletionTokens: samples.reduce((a, s) => a + s.usage.completionTokens, 0),
    samplerPromptTokens: samples.reduce((a, s) => a + s.usage.promptTokens, 0),
  };
}

/**
 * Adaptive sampling's savings checked against a run that drew every sample: for each problem that
 * stopped early, what its unsampled choices actually cost in the full run (the same seed gives the
 * same first choices), against the estimate the sampler recorded.
 */
export function savingsCheck(adaptive: RunRecords, full: RunRecords): { stopped: number; estimated: number; actual: number } {
  let stopped = 0;
  let estimated = 0;
  let actual = 0;
  for (const s of adaptive.samples.values()) {
    const other = full.samples.get(s.id);
    if (!s.adaptive || s.adaptive.extended || !other) continue;
    stopped++;
    estimated += s.adaptive.completionTokensSaved;
    actual += other.usage.completionTokens - s.usage.completionTokens;
  }
  return { stopped, estimated, actual };
}
