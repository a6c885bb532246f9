import { DIFFICULTY_LEVELS, QUALITY_LEVELS } from '@magpie/unitag';
import type { TagFilterReason, TagOptions } from '@magpie/contracts';

/**
 * The run's recipe over one problem's tags (Magpie's filters: input quality ≥ good, difficulty ≥
 * medium by default). A tag that could not be parsed fails its minimum, as Magpie's `None` does.
 */
export function tagFilterReasons(
  tags: { readonly input_quality: (typeof QUALITY_LEVELS)[number] | null; readonly difficulty: (typeof DIFFICULTY_LEVELS)[number] | null },
  recipe: Pick<TagOptions, 'minQuality' | 'minDifficulty'>,
): TagFilterReason[] {
  const reasons: TagFilterReason[] = [];
  if (recipe.minQuality !== null && (tags.input_quality === null || QUALITY_LEVELS.indexOf(tags.input_quality) < QUALITY_LEVELS.indexOf(recipe.minQuality))) {
    reasons.push('quality_below_minimum');
  }
  if (recipe.minDifficulty !== null && (tags.difficulty === null || DIFFICULTY_LEVELS.indexOf(tags.difficulty) < DIFFICULTY_LEVELS.indexOf(recipe.minDifficulty))) {
    reasons.push('difficulty_below_minimum');
  }
  return reasons;
}
