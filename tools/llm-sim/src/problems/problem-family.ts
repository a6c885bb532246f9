import type { Rng } from '../rng.js';

/** A worked answer: the exact answer (`7` or `-3/4`) and the steps that reach it, last step stating it. */
export interface Solution {
  readonly answer: string;
  readonly steps: readonly string[];
}

/** A generated problem: its English text plus its worked solution. */
export interface Problem extends Solution {
  readonly text: string;
}

/**
 * A kind of problem the simulator can both write and solve. `solve` reads only the text (no
 * hidden state), so any replica can solve a problem another one generated.
 */
export interface ProblemFamily {
  readonly name: string;
  readonly domain: string;
  readonly subtopic: string;
  /** Never throws. */
  generate(rng: Rng): Problem;
  /** Undefined when the text is not this family's problem (or is not well posed). Never throws. */
  solve(text: string): Solution | undefined;
}

/** How a family is written: sample parameters, render them in words, parse them back, work them. */
export interface FamilySpec<P> {
  readonly name: string;
  readonly domain: string;
  readonly subtopic: string;
  sample(rng: Rng): P;
  render(params: P, rng: Rng): string;
  /** May throw; a throw means "not mine". */
  parse(text: string): P | undefined;
  /** May throw (e.g. division by zero on a hand-written text); a throw means "cannot solve". */
  work(params: P): Solution;
}

/** Thrown inside parse/work helpers when a text does not have the expected shape. */
export class ProblemParseError extends Error {
  override readonly name = 'ProblemParseError';
}

/** Builds a (frozen, stateless) family whose generate and solve share one `work`, so they cannot disagree. */
export function defineFamily<P>(spec: FamilySpec<P>): ProblemFamily {
  return Object.freeze<ProblemFamily>({
    name: spec.name,
    domain: spec.domain,
    subtopic: spec.subtopic,
    generate(rng) {
      const params = spec.sample(rng);
      return { text: spec.render(params, rng), ...spec.work(params) };
    },
    solve(text) {
      try {
        const params = spec.parse(text);
        return params === undefined ? undefined : spec.work(params);
      } catch {
        return undefined;
      }
    },
  });
}

/** The integer in capture group `i`; throws ProblemParseError when it is missing or not an integer. */
export function intAt(match: RegExpExecArray, i: number): number {
  const raw = match[i];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw.trim())) throw new ProblemParseError(`group ${i} is not an integer`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value)) throw new ProblemParseError(`group ${i} is too large`);
  return value;
}

/** The text in capture group `i`; throws ProblemParseError when it is missing. */
export function textAt(match: RegExpExecArray, i: number): string {
  const raw = match[i];
  if (raw === undefined) throw new ProblemParseError(`group ${i} is missing`);
  return raw;
}

/** Integers from a comma/"and" separated list such as `3, 5, 8 and 13`. */
export function parseIntList(text: string): number[] {
  return (text.match(/-?\d+/g) ?? []).map(Number);
}

/** `3, 5, 8 and 13`. */
export function formatList(values: readonly (number | string)[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

export const NAMES = [
  'Alice', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Keisha', 'Liam',
  'Maya', 'Nikhil', 'Olivia', 'Pablo', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wen', 'Yusuf',
] as const;
