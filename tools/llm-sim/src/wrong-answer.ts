import { answersEqual } from '@magpie/answers';
import { Fraction } from './problems/fraction.js';
import type { Rng } from './rng.js';

/** The kinds of mistake a simulated solver makes. */
export type Slip = 'sign' | 'off-by-one' | 'arithmetic';

export interface WrongAnswer {
  readonly answer: string;
  readonly slip: Slip;
}

function parseExact(answer: string): Fraction | undefined {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(answer);
  if (!m) return undefined;
  try {
    return Fraction.of(Number(m[1]), m[2] === undefined ? 1 : Number(m[2]));
  } catch {
    return undefined;
  }
}

/**
 * A plausible wrong answer: a sign slip, an off-by-one or a small arithmetic slip. Guaranteed not
 * to be answersEqual to `answer`. Non-numeric answers get a digit appended.
 */
export function plausibleWrongAnswer(answer: string, rng: Rng): WrongAnswer {
  const value = parseExact(answer);
  if (!value) return { answer: `${answer}1`, slip: 'arithmetic' };
  const slip = rng.pick<Slip>(['sign', 'off-by-one', 'arithmetic']);
  let wrong: Fraction;
  if (slip === 'sign' && !value.isZero()) wrong = value.neg();
  else if (slip === 'arithmetic') {
    const delta = rng.nonZero(-9, 9);
    // Slipping on the numerator keeps the denominator, as a real slip in the last step would.
    wrong = value.isInteger() ? value.add(delta === 1 || delta === -1 ? delta * 10 : delta) : Fraction.of(value.num + delta, value.den);
  } else wrong = value.add(rng.chance(0.5) ? 1 : -1);
  const text = wrong.toString();
  if (answersEqual(text, answer)) return { answer: value.add(1).toString(), slip: 'off-by-one' };
  return { answer: text, slip: slip === 'sign' && value.isZero() ? 'off-by-one' : slip };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The steps of a solution that went wrong: the final step now arrives at `wrong` instead of
 * `correct` (its last mention of the answer is replaced), so the steps match the wrong answer.
 */
export function wrongSteps(steps: readonly string[], correct: string, wrong: WrongAnswer): string[] {
  const out = [...steps];
  const last = out.at(-1) ?? '';
  const mention = new RegExp(`(?<![\\d/.])${escapeRegExp(correct)}(?![\\d/])`, 'g');
  const matches = [...last.matchAll(mention)];
  const final = matches.at(-1);
  if (final?.index !== undefined) {
    out[out.length - 1] = last.slice(0, final.index) + wrong.answer + last.slice(final.index + correct.length);
  } else {
    out.push(`Carrying out the final computation gives ${wrong.answer}.`);
  }
  return out;
}
