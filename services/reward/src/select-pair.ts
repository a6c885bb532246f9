/** Indices of the chosen and rejected responses. */
export interface PairIndices {
  readonly chosen: number;
  readonly rejected: number;
}

/**
 * Magpie's rule (process_po.ipynb): chosen is the first response with the maximum score,
 * rejected the first with the minimum. With all scores equal both are index 0, as in Magpie.
 * Throws RangeError for an empty list.
 */
export function selectMagpiePair(scores: readonly number[]): PairIndices {
  if (scores.length === 0) throw new RangeError('no scores to pair');
  let chosen = 0;
  let rejected = 0;
  scores.forEach((s, i) => {
    if (s > (scores[chosen] as number)) chosen = i;
    if (s < (scores[rejected] as number)) rejected = i;
  });
  return { chosen, rejected };
}
