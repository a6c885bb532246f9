import type { FlagReason } from './flags.js';
import type { QualityCounter } from './quality-summary.js';
import type { RejectionReason } from './rejection.js';
import type { RecordKind } from './records.js';

/**
 * The stream catalog. Services import names and subjects from here and never write subject
 * strings by hand. Every subject starts with a family and a version token so a breaking change
 * gets a new subject rather than a new meaning for an old one.
 */
export const Streams = {
  /** Every record the pipeline produces: `records.v1.<runId>.<kind>`. Limits retention. */
  records: { name: 'RECORDS', subjects: ['records.v1.>'] },
  /** Run lifecycle events: `runs.v1.<runId>.<event>`. Limits retention. */
  runs: { name: 'RUNS', subjects: ['runs.v1.>'] },
  /** Generator work queue: `gen.tasks.v1.<runId>`. Work-queue retention. */
  genTasks: { name: 'GEN_TASKS', subjects: ['gen.tasks.v1.>'] },
  /**
   * Findings about instructions, so counts by reason are read, not kept: the ones the generator
   * dropped (`rejections.v1.<runId>.<reason>`) and flags on kept records (`flags.v1.<runId>.<flag>`).
   */
  rejections: { name: 'REJECTIONS', subjects: ['rejections.v1.>', 'flags.v1.>'] },
  /** Dead letters: `dlq.v1.<runId>.<stage>`. Limits retention. */
  dlq: { name: 'DLQ', subjects: ['dlq.v1.>'] },
  /**
   * The quality summary's counters: `quality.v1.<runId>.<facet>.<value>`, a JetStream counter
   * stream (each subject sums its deduplicated `Nats-Incr` increments). Limits retention.
   */
  quality: { name: 'QUALITY', subjects: ['quality.v1.>'] },
} as const;

/** The KV bucket holding one RunState per run id, plus client-request-id reservations. */
export const RUNS_BUCKET = 'runs';

/**
 * The KV bucket of the shared duplicate indexes: per scope (a dataset, or a run without one) an
 * append-only log of accepted problems, `<scope>.<entry>`, written with create so that replicas
 * agree on one order (libs/contracts DedupLogEntry).
 */
export const DEDUP_BUCKET = 'dedup';

/**
 * The reward stage's join of a problem's solution and scored samples: key `<runId>.<slot>`, value
 * a RewardJoin. Whichever half arrives second writes the rewards record.
 */
export const REWARD_JOINS_BUCKET = 'reward-joins';

export type RunEventName = 'requested' | 'cancelled' | 'finished';

export const Subjects = {
  record: (runId: string, kind: RecordKind) => `records.v1.${runId}.${kind}`,
  recordsOfRun: (runId: string) => `records.v1.${runId}.>`,
  recordsOfKind: (kind: RecordKind) => `records.v1.*.${kind}`,
  runEvent: (runId: string, event: RunEventName) => `runs.v1.${runId}.${event}`,
  runEventsOfKind: (event: RunEventName) => `runs.v1.*.${event}`,
  genTask: (runId: string) => `gen.tasks.v1.${runId}`,
  genTasksAll: 'gen.tasks.v1.>',
  rejection: (runId: string, reason: RejectionReason) => `rejections.v1.${runId}.${reason}`,
  rejectionsOfRun: (runId: string) => `rejections.v1.${runId}.>`,
  flag: (runId: string, flag: FlagReason) => `flags.v1.${runId}.${flag}`,
  flagsOfRun: (runId: string) => `flags.v1.${runId}.>`,
  deadLetter: (runId: string, stage: string) => `dlq.v1.${runId}.${stage}`,
  deadLettersOfRun: (runId: string) => `dlq.v1.${runId}.>`,
  qualityCounter: (runId: string, counter: QualityCounter) => `quality.v1.${runId}.${counter.facet}.${counter.value}`,
  qualityOfRun: (runId: string) => `quality.v1.${runId}.>`,
} as const;

/**
 * The run id carried in the third token of every per-run subject (`family.v1.<runId>…`),
 * or undefined when the subject has none.
 */
export function runIdOfSubject(subject: string): string | undefined {
  const parts = subject.split('.');
  if (parts[0] === 'gen' && parts[1] === 'tasks') return parts[3];
  return parts[2];
}

/** Deterministic Nats-Msg-Id values: a retried publish of the same logical message is stored once. */
export const MsgIds = {
  runEvent: (runId: string, event: RunEventName, discriminator = '') =>
    discriminator ? `${runId}:${event}:${discriminator}` : `${runId}:${event}`,
  genTask: (runId: string, taskIndex: number) => `${runId}:gen-task:${taskIndex}`,
  deadLetter: (stream: string, sequence: number) => `dlq:${stream}:${sequence}`,
  rejection: (runId: string, taskIndex: number, attempt: number, choiceIndex: number) => `${runId}:rejected:${taskIndex}:${attempt}:${choiceIndex}`,
  flag: (recordId: string, flag: FlagReason) => `${recordId}:flag:${flag}`,
  /**
   * One increment per problem slot and facet (and per tally of the `tokens` facet), so a
   * redelivered message adds nothing and a slot is never counted under two values of a facet.
   */
  qualityCounter: (runId: string, slot: number, counter: QualityCounter) =>
    `${runId}:quality:${slot}:${counter.facet}${counter.facet === 'tokens' ? `.${counter.value}` : ''}`,
} as const;

/** The reward-joins key of a problem slot. */
export function rewardJoinKey(runId: string, slot: number): string {
  return `${runId}.${slot}`;
}
