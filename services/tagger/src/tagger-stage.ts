import { FlaggedRecord, MsgIds, ProblemRecord, Streams, Subjects, recordIdFor, type TagsRecord, type TokenUsage } from '@magpie/contracts';
import type { InferenceClient } from '@magpie/llm';
import { defineStage } from '@magpie/stage';
import { tagFilterReasons } from './tag-filter.js';
import { askUnitag, type MissionOutcome } from './unitag-call.js';

function ok<M extends 'difficulty' | 'quality' | 'classification'>(outcome: MissionOutcome<M>) {
  return 'answer' in outcome ? outcome.answer : undefined;
}

function sumUsage(usages: readonly TokenUsage[]): TokenUsage {
  return usages.reduce((a, b) => ({ promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens }), { promptTokens: 0, completionTokens: 0 });
}

/**
 * The tags stage: for each problem of a run with tags on, Magpie's three unitag missions
 * (difficulty, input quality, task category) through the run's tagging model, as one `tags`
 * record with unitag.py's fields, the tagging model as lineage, and the run's recipe verdict; a
 * flag per failed minimum makes the counts readable. Problems of other runs are acked untouched.
 */
export function taggerStage() {
  return defineStage<ProblemRecord, InferenceClient>({
    stage: 'tagger',
    durable: 'tagger',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('problem'),
    schema: ProblemRecord,
    // Three calls of one sequence per problem.
    concurrency: { expectedSequences: 3 },
    async handle(problem, ctx) {
      const options = ctx.run.spec.tags;
      if (!options.enabled) return;
      const model = options.model;
      const [difficulty, quality, classification] = await Promise.all([
        askUnitag('difficulty', problem, model, ctx),
        askUnitag('quality', problem, model, ctx),
        askUnitag('classification', problem, model, ctx),
      ]);
      if (!difficulty || !quality || !classification) return;
      const d = ok(difficulty);
      const q = ok(quality);
      const c = ok(classification);
      const fields = { difficulty: d?.difficulty ?? null, input_quality: q?.input_quality ?? null };
      const reasons = tagFilterReasons(fields, options);
      const tagErrors: TagsRecord['tagErrors'] = {
        ...('error' in difficulty ? { difficulty: difficulty.error } : {}),
        ...('error' in quality ? { quality: quality.error } : {}),
        ...('error' in classification ? { classification: classification.error } : {}),
      };
      const usage = sumUsage([difficulty.usage, quality.usage, classification.usage]);
      const record: TagsRecord = {
        schemaVersion: 1,
        kind: 'tags',
        runId: problem.runId,
        recordId: recordIdFor(problem.runId, 'tags', problem.id),
        id: problem.id,
        problemRecordId: problem.recordId,
        intent: d?.intent ?? null,
        knowledge: d?.knowledge ?? null,
        difficulty: fields.difficulty,
        difficulty_generator: model,
        input_quality: fields.input_quality,
        quality_explanation: q?.explanation ?? null,
        quality_generator: model,
        task_category: c?.primary_tag ?? null,
        other_task_category: c ? [...c.other_tags] : [],
        task_category_generator: model,
        tagErrors,
        tagFilter: { passed: reasons.length === 0, reasons },
        usage,
      };
      // Flags first: once the tags record is stored the run may complete, and its counts must hold them.
      await Promise.all(
        reasons.map((flag) =>
          ctx.publish(Subjects.flag(problem.runId, flag), FlaggedRecord, { schemaVersion: 1, runId: problem.runId, recordId: problem.recordId, flag, evidence: { detail: `difficulty ${fields.difficulty ?? 'unknown'}, input quality ${fields.input_quality ?? 'unknown'}` } }, MsgIds.flag(problem.recordId, flag)),
        ),
      );
      await ctx.emit(record, usage);
    },
  });
}
