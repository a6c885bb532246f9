import type { ContaminationEvidence, DecontaminationMode, DifficultyLevel, QualityLevel, RunSpec, TagsRecord } from '@magpie/contracts';
import { decontaminationModeMapping, difficultyMapping, inputQualityMapping } from './enum-mappers.js';
import type * as proto from './generated/index.js';

/** The mode an enum name stands for; undefined for UNSPECIFIED (the default) and unknown names. */
export function decontaminationModeFromProto(name: string): DecontaminationMode | undefined {
  return decontaminationModeMapping.tryFromProto(name);
}

/** A minimum quality: a level, null for ANY (no minimum), undefined for UNSPECIFIED (the default). */
export function minQualityFromProto(name: string): QualityLevel | null | undefined {
  return name === proto_INPUT_QUALITY_ANY ? null : inputQualityMapping.tryFromProto(name);
}

/** A minimum difficulty: a level, null for ANY (no minimum), undefined for UNSPECIFIED (the default). */
export function minDifficultyFromProto(name: string): DifficultyLevel | null | undefined {
  return name === proto_DIFFICULTY_ANY ? null : difficultyMapping.tryFromProto(name);
}

const proto_INPUT_QUALITY_ANY = 'INPUT_QUALITY_ANY' satisfies proto.InputQuality;
const proto_DIFFICULTY_ANY = 'DIFFICULTY_ANY' satisfies proto.Difficulty;

/** A resolved spec's data-quality settings in their proto shape. */
export function dataQualityToProto(spec: RunSpec): proto.ResolvedDataQuality {
  const { dedup, decontamination, tags } = spec;
  return {
    dataset: spec.dataset ?? '',
    mask_values: dedup.maskValues,
    embedding_model: dedup.embeddingModel ?? '',
    embedding_threshold: dedup.embeddingThreshold,
    decontamination: decontaminationModeMapping.toProto(decontamination.mode),
    decontamination_ngram: decontamination.ngram,
    tags: tags.enabled,
    tagger_model: tags.model,
    min_quality: tags.minQuality === null ? proto_INPUT_QUALITY_ANY : inputQualityMapping.toProto(tags.minQuality),
    min_difficulty: tags.minDifficulty === null ? proto_DIFFICULTY_ANY : difficultyMapping.toProto(tags.minDifficulty),
    ...(tags.minReward === null ? {} : { min_reward: tags.minReward, _min_reward: 'min_reward' as const }),
  };
}

/**
 * The RunSpec fields of a proto ResolvedDataQuality (the inverse of dataQualityToProto), for the
 * contracts schema to check; none when the message is absent (a server without it: defaults apply).
 */
export function dataQualityFromProto(
  resolved: proto.ResolvedDataQuality | null | undefined,
): Partial<Pick<RunSpec, 'dataset' | 'dedup' | 'decontamination' | 'tags'>> {
  if (!resolved) return {};
  return {
    ...(resolved.dataset === '' ? {} : { dataset: resolved.dataset }),
    dedup: { maskValues: resolved.mask_values, embeddingModel: resolved.embedding_model || null, embeddingThreshold: resolved.embedding_threshold },
    decontamination: { mode: decontaminationModeFromProto(resolved.decontamination) ?? 'off', ngram: resolved.decontamination_ngram },
    tags: {
      enabled: resolved.tags,
      model: resolved.tagger_model,
      minQuality: minQualityFromProto(resolved.min_quality) ?? null,
      minDifficulty: minDifficultyFromProto(resolved.min_difficulty) ?? null,
      minReward: resolved.min_reward ?? null,
    },
  };
}

export function contaminationToProto(evidence: ContaminationEvidence | undefined): proto.Contamination | null {
  if (!evidence) return null;
  return { file: evidence.file, line: evidence.line, item_id: evidence.itemId ?? '', ngram: evidence.ngram, n: evidence.n };
}

export function contaminationFromProto(contamination: proto.Contamination | null | undefined): ContaminationEvidence | undefined {
  if (!contamination) return undefined;
  return { file: contamination.file, line: contamination.line, itemId: contamination.item_id || null, ngram: contamination.ngram, n: contamination.n };
}

const optional = <K extends string>(key: K, value: string | null): Record<string, string> => (value === null ? {} : { [key]: value, [`_${key}`]: key });

/** A tags record's body in its proto shape; null fields are left unset. */
export function tagsToProto(record: TagsRecord): proto.ProblemTags {
  return {
    problem_record_id: record.problemRecordId,
    ...optional('intent', record.intent),
    ...optional('knowledge', record.knowledge),
    ...optional('difficulty', record.difficulty),
    difficulty_generator: record.difficulty_generator,
    ...optional('input_quality', record.input_quality),
    ...optional('quality_explanation', record.quality_explanation),
    quality_generator: record.quality_generator,
    ...optional('task_category', record.task_category),
    other_task_category: [...record.other_task_category],
    task_category_generator: record.task_category_generator,
    tag_errors: { ...record.tagErrors },
    tag_filter_passed: record.tagFilter.passed,
    tag_filter_reasons: [...record.tagFilter.reasons],
    usage: { prompt_tokens: record.usage.promptTokens, completion_tokens: record.usage.completionTokens },
  };
}

/** The fields of a tags record from its proto body, for the contracts schema to check. */
export function tagsFromProto(tags: proto.ProblemTags): Record<string, unknown> {
  return {
    kind: 'tags',
    problemRecordId: tags.problem_record_id,
    intent: tags.intent ?? null,
    knowledge: tags.knowledge ?? null,
    difficulty: tags.difficulty ?? null,
    difficulty_generator: tags.difficulty_generator,
    input_quality: tags.input_quality ?? null,
    quality_explanation: tags.quality_explanation ?? null,
    quality_generator: tags.quality_generator,
    task_category: tags.task_category ?? null,
    other_task_category: [...tags.other_task_category],
    task_category_generator: tags.task_category_generator,
    tagErrors: { ...tags.tag_errors },
    tagFilter: { passed: tags.tag_filter_passed, reasons: [...tags.tag_filter_reasons] },
    usage: tags.usage ? { promptTokens: tags.usage.prompt_tokens, completionTokens: tags.usage.completion_tokens } : undefined,
  };
}
