/** Numbers closer than this, relative to the larger magnitude, count as equal. */
export const RELATIVE_TOLERANCE = 1e-6;

/**
 * Below this absolute difference numbers count as equal too, so that floating-point noise such as
 * `\cos(\pi/2)` ≈ 6e-17 equals `0`, where a relative test alone never succeeds.
 */
export const ABSOLUTE_TOLERANCE = 1e-12;

/** True when `x` and `y` agree within RELATIVE_TOLERANCE or ABSOLUTE_TOLERANCE; equal infinities agree, NaN agrees with nothing. */
export function numbersClose(x: number, y: number): boolean {
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(x - y);
  return diff <= ABSOLUTE_TOLERANCE || diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}
