/** English names of polygons by side count; other counts are written `n-sided polygon`. */
const POLYGON_NAMES: Record<number, string> = { 3: 'triangle', 4: 'quadrilateral', 5: 'pentagon', 6: 'hexagon', 7: 'heptagon', 8: 'octagon', 9: 'nonagon', 10: 'decagon', 12: 'dodecagon' };

/** Side counts of regular polygons whose angles are whole degrees. */
export const DIVISORS_OF_360 = [3, 4, 5, 6, 8, 9, 10, 12, 15, 18, 20, 24, 30, 36, 40, 45, 60, 72, 90, 120, 180, 360];

/** `hexagon`, or `14-sided polygon` where English has no common name. */
export function polygonName(n: number): string {
  return POLYGON_NAMES[n] ?? `${n}-sided polygon`;
}

/** The side count a text names (`hexagon`, `14-sided polygon`, `14-gon`), or undefined. */
export function polygonSides(text: string): number | undefined {
  const numbered = /(\d+)-(?:sided polygon|gon)/.exec(text);
  if (numbered) return Number(numbered[1]);
  const named = Object.entries(POLYGON_NAMES).find(([, name]) => new RegExp(`\\b${name}\\b`).test(text));
  return named ? Number(named[0]) : undefined;
}
