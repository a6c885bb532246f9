import type {
  AdaptiveSamplingInfo,
  AgreementEvidence,
  PairInfo,
  ProblemRecord,
  RewardsRecord,
  SamplesRecord,
  SftVerdict,
  SolutionRecord,
  TagsRecord,
} from '@magpie/contracts';
import type { AGREEMENT_FIELDS, FINDINGS_FIELDS, LINEAGE_FIELDS, PAIR_FIELDS, RowOf, VERDICT_FIELDS } from './magpie-fields.js';

// The evidence objects of the rows, field by field in snake_case (the files' naming), so each
// object's key order is the one its field list in magpie-fields.ts gives.

/** The stage records of one problem slot that exist; the rows use what is there. */
export interface SlotRecords {
  readonly solution?: SolutionRecord | undefined;
  readonly samples?: SamplesRecord | undefined;
  readonly rewards?: RewardsRecord | undefined;
  readonly tags?: TagsRecord | undefined;
}

/** A problem's tags (unitag.py's fields, null without tags) and its contamination evidence (null when none). */
export function findingsRow(problem: ProblemRecord, tags: TagsRecord | undefined): RowOf<typeof FINDINGS_FIELDS> {
  const c = problem.contamination;
  return {
    intent: tags?.intent ?? null,
    knowledge: tags?.knowledge ?? null,
    difficulty: tags?.difficulty ?? null,
    difficulty_generator: tags?.difficulty_generator ?? null,
    input_quality: tags?.input_quality ?? null,
    quality_explanation: tags?.quality_explanation ?? null,
    quality_generator: tags?.quality_generator ?? null,
    task_category: tags?.task_category ?? null,
    other_task_category: tags ? [...tags.other_task_category] : null,
    task_category_generator: tags?.task_category_generator ?? null,
    contamination: c ? { file: c.file, line: c.line, item_id: c.itemId, ngram: c.ngram, n: c.n } : null,
  };
}

export function agreementRow(a: AgreementEvidence): RowOf<typeof AGREEMENT_FIELDS> {
  return {
    level: a.level,
    voters: a.voters,
    votes_cast: a.votesCast,
    distinct_answers: a.distinctAnswers,
    majority_answer: a.majorityAnswer,
    majority_votes: a.majorityVotes,
    majority_share: a.majorityShare,
    strict: a.strict,
    tie: a.tie,
    groups: a.groups.map((g) => ({ answer: g.answer, members: [...g.members], votes: g.votes, sample_votes: g.sampleVotes })),
  };
}

export function verdictRow(v: SftVerdict): RowOf<typeof VERDICT_FIELDS> {
  return { outcome: v.outcome, agreeing_samples: v.agreeingSamples, samples: v.samples, required_share: v.requiredShare };
}

export function pairRow(p: PairInfo): RowOf<typeof PAIR_FIELDS> {
  return {
    rule: p.rule,
    kind: p.kind,
    chosen_index: p.chosenIndex,
    rejected_index: p.rejectedIndex,
    chosen_answer: p.chosenAnswer,
    rejected_answer: p.rejectedAnswer,
    chosen_votes: p.chosenVotes,
    rejected_votes: p.rejectedVotes,
    margin: p.margin,
    majority_answer: p.majorityAnswer,
    majority_votes: p.majorityVotes,
    votes_cast: p.votesCast,
    verified: p.verified,
    skip_reason: p.skipReason,
  };
}

export function adaptiveRow(a: AdaptiveSamplingInfo | null): Record<string, unknown> | null {
  return (
    a && {
      initial_samples: a.initialSamples,
      max_samples: a.maxSamples,
      extended: a.extended,
      completion_tokens_saved: a.completionTokensSaved,
      extension_prompt_tokens: a.extensionPromptTokens,
    }
  );
}

/** The seeds and the reward model behind a problem's records; null where the record is missing. */
export function lineageRow(problem: ProblemRecord, slot: SlotRecords): RowOf<typeof LINEAGE_FIELDS> {
  return {
    generator_seed: problem.gen_input_configs.seed,
    solver_seed: slot.solution?.seed ?? slot.rewards?.lineage.solverSeed ?? null,
    sampler_seeds: [...(slot.samples?.seeds ?? slot.rewards?.lineage.samplerSeeds ?? [])],
    reward_model: slot.rewards?.reward_model ?? null,
  };
}
