import { z } from 'zod';

/** The five difficulty labels, easiest first (index + 1 is a difficulty from 1 to 5). */
export const DIFFICULTY_LEVELS = ['very easy', 'easy', 'medium', 'hard', 'very hard'] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

/** The five input-quality labels, worst first. */
export const QUALITY_LEVELS = ['very poor', 'poor', 'average', 'good', 'excellent'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

/**
 * The twelve task tags of the classification prompt, spelled as the prompt spells them. Magpie's
 * data_concatenation notebook whitelists "Other" instead of "Others", so its datasets lose that
 * tag; we keep the prompt's spelling.
 */
export const TASK_TAGS = [
  'Information seeking',
  'Reasoning',
  'Planning',
  'Editing',
  'Coding & Debugging',
  'Math',
  'Role playing',
  'Data analysis',
  'Creative writing',
  'Advice seeking',
  'Brainstorming',
  'Others',
] as const;
export type TaskTag = (typeof TASK_TAGS)[number];

/** The JSON the difficulty prompt asks for. */
export const DifficultyTag = z.object({
  intent: z.string(),
  knowledge: z.string(),
  difficulty: z.enum(DIFFICULTY_LEVELS),
});
export type DifficultyTag = z.infer<typeof DifficultyTag>;

/** The JSON the quality prompt asks for. */
export const QualityTag = z.object({
  explanation: z.string(),
  input_quality: z.enum(QUALITY_LEVELS),
});
export type QualityTag = z.infer<typeof QualityTag>;

/** The JSON the classification prompt asks for. */
export const ClassificationTag = z.object({
  primary_tag: z.enum(TASK_TAGS),
  /** Free text in Magpie's data (models add tags outside the list); filter with TASK_TAGS if needed. */
  other_tags: z.array(z.string()),
});
export type ClassificationTag = z.infer<typeof ClassificationTag>;

/** The answer schema of each mission. */
export const UNITAG_ANSWER_SCHEMAS = {
  difficulty: DifficultyTag,
  quality: QualityTag,
  classification: ClassificationTag,
} as const;

/** The answer type of each mission. */
export interface UnitagAnswers {
  readonly difficulty: DifficultyTag;
  readonly quality: QualityTag;
  readonly classification: ClassificationTag;
}
