/**
 * The data-quality messages of magpie.v1 (dedup, decontamination, tags) as proto-loader decodes
 * them; the conventions are proto-types.ts's.
 */

export type DecontaminationModeName = 'DECONTAMINATION_MODE_UNSPECIFIED' | 'DECONTAMINATION_MODE_OFF' | 'DECONTAMINATION_MODE_FLAG' | 'DECONTAMINATION_MODE_REMOVE';

export type InputQualityName =
  | 'INPUT_QUALITY_UNSPECIFIED'
  | 'INPUT_QUALITY_ANY'
  | 'INPUT_QUALITY_VERY_POOR'
  | 'INPUT_QUALITY_POOR'
  | 'INPUT_QUALITY_AVERAGE'
  | 'INPUT_QUALITY_GOOD'
  | 'INPUT_QUALITY_EXCELLENT';

export type DifficultyName =
  | 'DIFFICULTY_UNSPECIFIED'
  | 'DIFFICULTY_ANY'
  | 'DIFFICULTY_VERY_EASY'
  | 'DIFFICULTY_EASY'
  | 'DIFFICULTY_MEDIUM'
  | 'DIFFICULTY_HARD'
  | 'DIFFICULTY_VERY_HARD';

export interface DataQualityOptions {
  dataset: string;
  mask_values?: boolean;
  _mask_values?: 'mask_values';
  embedding_model: string;
  embedding_threshold?: number;
  _embedding_threshold?: 'embedding_threshold';
  decontamination: DecontaminationModeName;
  decontamination_ngram?: number;
  _decontamination_ngram?: 'decontamination_ngram';
  tags?: boolean;
  _tags?: 'tags';
  tagger_model: string;
  min_quality: InputQualityName;
  min_difficulty: DifficultyName;
  min_reward?: number;
  _min_reward?: 'min_reward';
}

export interface ResolvedDataQuality {
  dataset: string;
  mask_values: boolean;
  embedding_model: string;
  embedding_threshold: number;
  decontamination: DecontaminationModeName;
  decontamination_ngram: number;
  tags: boolean;
  tagger_model: string;
  min_quality: InputQualityName;
  min_difficulty: DifficultyName;
  min_reward?: number;
  _min_reward?: 'min_reward';
}

export interface Contamination {
  file: string;
  line: number;
  item_id: string;
  ngram: string;
  n: number;
}

export interface ProblemTags {
  problem_record_id: string;
  intent?: string;
  _intent?: 'intent';
  knowledge?: string;
  _knowledge?: 'knowledge';
  difficulty?: string;
  _difficulty?: 'difficulty';
  difficulty_generator: string;
  input_quality?: string;
  _input_quality?: 'input_quality';
  quality_explanation?: string;
  _quality_explanation?: 'quality_explanation';
  quality_generator: string;
  task_category?: string;
  _task_category?: 'task_category';
  other_task_category: string[];
  task_category_generator: string;
  tag_errors: Record<string, string>;
  tag_filter_passed: boolean;
  tag_filter_reasons: string[];
  usage: { prompt_tokens: number; completion_tokens: number } | null;
}
