import type { QualitySummary, RecordCounts, RecordKind, RunCounts, RunSpec, RunStatus, StageSettings, TokenUsage } from '@magpie/contracts';

/** A run's status as the dataset records it: the platform's, or `unknown` when its final state could not be read. */
export type DatasetRunStatus = RunStatus | 'unknown';

/** What the caller knows about the run when it finishes the dataset. */
export interface DatasetRunInfo {
  /** The run's resolved spec (models, sampling, seed…). */
  readonly spec: RunSpec;
  /** The run's final status; anything but `succeeded` marks the files as possibly short. */
  readonly status: DatasetRunStatus;
  /** Why the run failed or was cancelled. */
  readonly reason?: string;
  /** ISO-8601 times the run was created and finished. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The platform that wrote the dataset: the root package.json name and version. */
  readonly platform: { readonly name: string; readonly version: string };
  /** The run's counts as the platform reported them last (GetRun); absent when it could not be asked. */
  readonly counts?: RunCounts;
}

export interface StageUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface DatasetFileEntry {
  readonly name: string;
  /** Rows in the file. */
  readonly records: number;
}

/** The run's counts, from the platform's record log (GetRun), in the one count model. */
export interface DatasetRunCounts {
  /** Records stored per kind. */
  readonly records: RecordCounts;
  /** Messages the stages gave up on. */
  readonly dead_lettered: number;
  /** Instructions the generator dropped, by reason, keys sorted. */
  readonly rejections: Readonly<Record<string, number>>;
  /** Kept problems with a finding (contaminated, the tag recipe's verdicts), by flag, keys sorted. */
  readonly flags: Readonly<Record<string, number>>;
}

/** What this dataset holds of the run: how many problems are in every file, and what was left out. */
export interface DatasetContents {
  /** Problems that have a solution, samples and rewards, so appear in every file. */
  readonly complete_problems: number;
  /** Records ignored because their record id (or kind and id) arrived before. */
  readonly duplicates_ignored: number;
  /** Stage records whose problem never arrived; they are in no file. */
  readonly orphaned: number;
  /** Unique rewards records with a chosen/rejected pair. */
  readonly pairs_emitted: number;
  /** Unique rewards records whose pair the reward stage skipped; `skipped_pairs` has them by reason. */
  readonly pairs_skipped: number;
  /** Solutions left out of the SFT messages export because they were cut off or empty. */
  readonly sft_excluded: number;
  /**
   * Problems left out of the training exports by reason (contaminated, untagged,
   * quality_below_minimum, difficulty_below_minimum, reward_below_minimum): `sft` for messages and
   * ShareGPT, `dpo` for pairs. Magpie's files keep them, with their tags and evidence.
   */
  readonly training_excluded: { readonly sft: Readonly<Record<string, number>>; readonly dpo: Readonly<Record<string, number>> };
  /** Solutions left out of the messages and ShareGPT exports because they are not verified (none with keep_unverified). */
  readonly sft_unverified_excluded: number;
  /** Kept pairs left out of the DPO export because their chosen answer is not verified (none with keep_unverified). */
  readonly pairs_unverified_excluded: number;
}

/** The run's quality summary as the platform reported it (GetRun), in the files' snake_case. */
export interface DatasetQuality {
  /** Evaluated problems by how their answers agree: unanimous, strict, plurality, tie, no_answer. */
  readonly agreement: Readonly<Record<string, number>>;
  readonly sft: {
    readonly verified: number;
    readonly unverified: number;
    readonly verified_share: number | null;
    readonly unverified_by_outcome: Readonly<Record<string, number>>;
  };
  readonly pairs: {
    readonly kept: number;
    readonly kept_by_kind: Readonly<Record<string, number>>;
    readonly skipped: number;
    readonly skipped_by_reason: Readonly<Record<string, number>>;
  };
  readonly adaptive_sampling: {
    readonly stopped_early: number;
    readonly extended: number;
    readonly completion_tokens_saved: number;
    readonly extension_prompt_tokens: number;
  };
  readonly duplicates: { readonly exact: number; readonly near: number };
  readonly contamination: { readonly flagged: number; readonly removed: number };
}

/** The `dataset_info.json` document. */
export interface DatasetInfo {
  readonly run_id: string;
  readonly domain: string;
  /** The subtopics the run was asked for; empty means all of the domain's, round-robin. */
  readonly subtopics: readonly string[];
  /** A run over several domains (`domain` is "mixed"): each domain's problems and subtopics; empty for one domain. */
  readonly domain_mix: readonly { readonly domain: string; readonly count: number; readonly subtopics: readonly string[] }[];
  /** Problems written per subtopic, keys sorted. */
  readonly problems_per_subtopic: Readonly<Record<string, number>>;
  readonly status: DatasetRunStatus;
  readonly reason: string | null;
  /** True when the run succeeded and every one of `count` problems is in every file. */
  readonly complete: boolean;
  readonly note: string;
  readonly platform: { readonly name: string; readonly version: string };
  readonly started_at: string;
  readonly finished_at: string;
  readonly count: number;
  readonly samples_per_problem: number;
  readonly reward_model: string;
  readonly seed: number;
  /** The common prefix of the data files: `Magpie_{model}_{count}_{timestamp}`. */
  readonly file_prefix: string;
  /** Unix seconds of the run's start, as in the file names. */
  readonly timestamp: number;
  readonly stages: {
    readonly generator: StageInfo;
    readonly solver: StageInfo;
    readonly sampler: StageInfo & { readonly samples_per_problem: number };
    readonly reward: {
      readonly model: string;
      readonly pair_rule: string;
      readonly min_reward_margin: number;
      readonly style_pairs: boolean;
      readonly verify_share: number;
    };
  };
  /** Adaptive sampling's sizes; null when every problem drew `samples_per_problem`. */
  readonly adaptive_sampling: { readonly initial_samples: number; readonly max_samples: number } | null;
  /** What the training exports (messages, ShareGPT, DPO) hold: only verified records unless keep_unverified. */
  readonly exports: { readonly keep_unverified: boolean };
  /** The generator's instruction filters. */
  readonly filters: {
    readonly min_chars: number;
    readonly max_chars: number;
    readonly near_duplicate_threshold: number;
    readonly sanitize: boolean;
    readonly require_math: boolean;
  };
  /** Cross-run dedup, decontamination and tags, as the run was configured. */
  readonly data_quality: {
    readonly dataset: string | null;
    readonly dedup: { readonly mask_values: boolean; readonly embedding_model: string | null; readonly embedding_threshold: number };
    readonly decontamination: { readonly mode: string; readonly ngram: number };
    readonly tags: {
      readonly enabled: boolean;
      readonly model: string;
      readonly min_quality: string | null;
      readonly min_difficulty: string | null;
      readonly min_reward: number | null;
    };
  };
  /** The run's counts as the platform reported them when the dataset was finished; null when it could not be asked. */
  readonly counts: DatasetRunCounts | null;
  /** The run's quality summary, from the same report; null when it could not be asked. */
  readonly quality: DatasetQuality | null;
  /** What the files hold. */
  readonly dataset: DatasetContents;
  /** Skipped preference pairs by `pair.skip_reason`, keys sorted. */
  readonly skipped_pairs: Readonly<Record<string, number>>;
  /** Tokens summed over the unique records of each stage; the reward model reports none. */
  readonly usage: { readonly generator: StageUsage; readonly solver: StageUsage; readonly sampler: StageUsage; readonly tagger: StageUsage };
  readonly files: readonly DatasetFileEntry[];
}

interface StageInfo {
  readonly model: string;
  readonly temperature: number;
  readonly top_p: number;
  readonly max_tokens: number;
}

function stageInfo(stage: StageSettings): StageInfo {
  return { model: stage.model, temperature: stage.sampling.temperature, top_p: stage.sampling.topP, max_tokens: stage.sampling.maxTokens };
}

function stageUsage(usage: TokenUsage): StageUsage {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

export interface BuildDatasetInfoOptions {
  readonly runId: string;
  readonly domain: string;
  readonly filePrefix: string;
  readonly timestamp: number;
  readonly skippedPairs: ReadonlyMap<string, number>;
  readonly run: DatasetRunInfo;
  readonly contents: DatasetContents;
  readonly problemsPerSubtopic: ReadonlyMap<string, number>;
  readonly usage: Readonly<Record<Exclude<RecordKind, 'rewards'>, TokenUsage>>;
  readonly files: readonly DatasetFileEntry[];
  readonly keepUnverified: boolean;
}

function sortedRecord(entries: Iterable<readonly [string, number]>): Record<string, number> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function describe(complete: boolean, run: DatasetRunInfo, contents: DatasetContents): string {
  if (complete) return 'every problem appears in every file';
  const why = {
    succeeded: 'the run succeeded but records are missing',
    failed: 'the run failed',
    cancelled: 'the run was cancelled',
    running: 'the run had not finished',
    unknown: "the run's final state could not be read from the gateway",
  }[run.status];
  return (
    `${why}: ${contents.complete_problems} of ${run.spec.count} problems are in every file; ` +
    'each file holds only the problems whose stage records arrived'
  );
}

function sorted(record: Readonly<Record<string, number | undefined>>): Record<string, number> {
  return sortedRecord(Object.entries(record).filter((e): e is [string, number] => e[1] !== undefined));
}

/** The platform's quality summary in the files' shape. */
export function datasetQuality(q: QualitySummary): DatasetQuality {
  return {
    agreement: { ...q.agreement },
    sft: { verified: q.sft.verified, unverified: q.sft.unverified, verified_share: q.sft.verifiedShare, unverified_by_outcome: sorted(q.sft.unverifiedByOutcome) },
    pairs: { kept: q.pairs.kept, kept_by_kind: sorted(q.pairs.keptByKind), skipped: q.pairs.skipped, skipped_by_reason: sorted(q.pairs.skippedByReason) },
    adaptive_sampling: {
      stopped_early: q.adaptiveSampling.stoppedEarly,
      extended: q.adaptiveSampling.extended,
      completion_tokens_saved: q.adaptiveSampling.completionTokensSaved,
      extension_prompt_tokens: q.adaptiveSampling.extensionPromptTokens,
    },
    duplicates: { ...q.duplicates },
    contamination: { ...q.contamination },
  };
}

/** Assembles `dataset_info.json`; pure, so the writer decides when and where it is written. */
export function buildDatasetInfo(options: BuildDatasetInfoOptions): DatasetInfo {
  const { run, contents } = options;
  const complete = run.status === 'succeeded' && contents.complete_problems === run.spec.count;
  return {
    run_id: options.runId,
    domain: options.domain,
    subtopics: [...run.spec.subtopics],
    domain_mix: (run.spec.domainMix ?? []).map((share) => ({ domain: share.domain, count: share.count, subtopics: [...share.subtopics] })),
    problems_per_subtopic: sortedRecord(options.problemsPerSubtopic),
    status: run.status,
    reason: run.reason ?? null,
    complete,
    note: describe(complete, run, contents),
    platform: { name: run.platform.name, version: run.platform.version },
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    count: run.spec.count,
    samples_per_problem: run.spec.sampler.samplesPerProblem,
    reward_model: run.spec.reward.model,
    seed: run.spec.seed,
    file_prefix: options.filePrefix,
    timestamp: options.timestamp,
    stages: {
      generator: stageInfo(run.spec.generator),
      solver: stageInfo(run.spec.solver),
      sampler: { ...stageInfo(run.spec.sampler), samples_per_problem: run.spec.sampler.samplesPerProblem },
      reward: {
        model: run.spec.reward.model,
        pair_rule: run.spec.reward.pairRule,
        min_reward_margin: run.spec.reward.minRewardMargin,
        style_pairs: run.spec.quality.stylePairs,
        verify_share: run.spec.quality.verifyShare,
      },
    },
    adaptive_sampling: run.spec.quality.adaptiveSampling && {
      initial_samples: run.spec.quality.adaptiveSampling.initialSamples,
      max_samples: run.spec.quality.adaptiveSampling.maxSamples,
    },
    exports: { keep_unverified: options.keepUnverified },
    filters: {
      min_chars: run.spec.filters.minChars,
      max_chars: run.spec.filters.maxChars,
      near_duplicate_threshold: run.spec.filters.nearDuplicateThreshold,
      sanitize: run.spec.filters.sanitize,
      require_math: run.spec.filters.requireMath,
    },
    data_quality: {
      dataset: run.spec.dataset ?? null,
      dedup: { mask_values: run.spec.dedup.maskValues, embedding_model: run.spec.dedup.embeddingModel, embedding_threshold: run.spec.dedup.embeddingThreshold },
      decontamination: { mode: run.spec.decontamination.mode, ngram: run.spec.decontamination.ngram },
      tags: {
        enabled: run.spec.tags.enabled,
        model: run.spec.tags.model,
        min_quality: run.spec.tags.minQuality,
        min_difficulty: run.spec.tags.minDifficulty,
        min_reward: run.spec.tags.minReward,
      },
    },
    counts: run.counts
      ? {
          records: { ...run.counts.records },
          dead_lettered: run.counts.deadLettered,
          rejections: sortedRecord(Object.entries(run.counts.rejections)),
          flags: sortedRecord(Object.entries(run.counts.flags)),
        }
      : null,
    quality: run.counts ? datasetQuality(run.counts.quality) : null,
    dataset: contents,
    skipped_pairs: sortedRecord(options.skippedPairs),
    usage: {
      generator: stageUsage(options.usage.problem),
      solver: stageUsage(options.usage.solution),
      sampler: stageUsage(options.usage.samples),
      tagger: stageUsage(options.usage.tags),
    },
    files: options.files.map(({ name, records }) => ({ name, records })),
  };
}
