import { PermanentError } from '@magpie/bus';
import { dedupScope, type ContaminationEvidence, type FinishReason, type RejectedInstruction, type RejectionReason, type RunSpec } from '@magpie/contracts';
import type { Decontaminator } from './decontamination/decontaminator.js';
import { indexProblem, type IndexedProblem } from './dedup/indexed-problem.js';
import type { SharedDedupIndex } from './dedup/shared-dedup-index.js';
import { filterInstruction } from './filters/instruction-filters.js';

/** A choice that takes a slot. */
export interface AcceptedChoice {
  readonly choiceIndex: number;
  readonly recordId: string;
  readonly instruction: string;
  /** Set in `flag` mode when the problem overlaps a benchmark item. */
  readonly contamination?: ContaminationEvidence;
}

/** A choice that was dropped, with why. */
export interface RejectedChoice {
  readonly choiceIndex: number;
  readonly raw: string;
  readonly reason: RejectionReason;
  readonly evidence: RejectedInstruction['evidence'];
}

export interface ScreenDeps {
  readonly dedup: SharedDedupIndex;
  readonly decontaminator: Decontaminator | undefined;
}

export interface ScreenInput {
  readonly runId: string;
  readonly spec: RunSpec;
  readonly choices: readonly { readonly text: string; readonly finishReason: FinishReason }[];
  /** Record ids of the slots still empty, in order. */
  readonly slots: readonly string[];
  readonly signal?: AbortSignal;
}

/**
 * Decides the choices of one generation request, in order: the instruction filters, then
 * decontamination against the user's benchmarks, then the run's shared duplicate index (exact,
 * MinHash, optionally masked and embeddings), which records the accepted ones before this returns.
 * Choices beyond the empty slots are neither accepted nor rejected.
 */
export async function screenChoices(input: ScreenInput, deps: ScreenDeps): Promise<{ accepted: AcceptedChoice[]; rejected: RejectedChoice[] }> {
  const { spec } = input;
  const decontamination = spec.decontamination;
  if (decontamination.mode !== 'off' && (!deps.decontaminator || deps.decontaminator.size === 0)) {
    // Retrying cannot help: the run fails with this reason.
    throw new PermanentError(`decontamination is ${decontamination.mode} but the generator has no benchmark files (set DECONTAMINATION_DIR to a directory of JSONL files)`);
  }
  const rejected: RejectedChoice[] = [];
  const candidates: { choiceIndex: number; raw: string; problem: IndexedProblem; contamination?: ContaminationEvidence }[] = [];
  input.choices.forEach((choice, choiceIndex) => {
    const verdict = filterInstruction(choice.text, choice.finishReason, spec.filters);
    if (!verdict.accepted) {
      rejected.push({
        choiceIndex,
        raw: choice.text,
        reason: verdict.reason,
        evidence: { ...(verdict.detail ? { detail: verdict.detail } : {}), ...(verdict.sanitizeClass ? { sanitizeClass: verdict.sanitizeClass } : {}) },
      });
      return;
    }
    const contamination = decontamination.mode === 'off' ? undefined : deps.decontaminator?.check(verdict.instruction, decontamination.ngram);
    if (contamination && decontamination.mode === 'remove') {
      rejected.push({ choiceIndex, raw: choice.text, reason: 'contaminated', evidence: { contamination } });
      return;
    }
    candidates.push({ choiceIndex, raw: choice.text, problem: indexProblem(`candidate:${choiceIndex}`, verdict.instruction), ...(contamination ? { contamination } : {}) });
  });

  const verdicts = await deps.dedup.screen({
    scope: dedupScope(spec, input.runId),
    settings: {
      jaccardThreshold: spec.filters.nearDuplicateThreshold,
      maskValues: spec.dedup.maskValues,
      embeddingModel: spec.dedup.embeddingModel,
      embeddingThreshold: spec.dedup.embeddingThreshold,
    },
    candidates: candidates.map((c) => c.problem),
    slots: input.slots,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const accepted: AcceptedChoice[] = [];
  verdicts.forEach((verdict, i) => {
    const candidate = candidates[i] as (typeof candidates)[number];
    if (verdict.status === 'accepted') {
      accepted.push({ choiceIndex: candidate.choiceIndex, recordId: verdict.recordId, instruction: candidate.problem.text, ...(candidate.contamination ? { contamination: candidate.contamination } : {}) });
    } else if (verdict.status === 'duplicate') {
      const { method, twinRecordId, similarity } = verdict.verdict;
      rejected.push({ choiceIndex: candidate.choiceIndex, raw: candidate.raw, reason: method === 'exact' ? 'exact_duplicate' : 'near_duplicate', evidence: { twinRecordId, similarity, method } });
    }
  });
  rejected.sort((a, b) => a.choiceIndex - b.choiceIndex);
  return { accepted, rejected };
}
