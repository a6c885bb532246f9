import { deriveSeed } from '@magpie/llm';
import { Fraction } from '../problems/fraction.js';
import { Rng } from '../rng.js';
import type { DerivationPlan } from './family-types.js';
import { slipValue, type SlipBounds } from './slips.js';

/** What a step says: one sentence, or alternatives of which one is picked. */
export type Said = string | readonly string[];

/** A step whose value the derivation could get wrong by a known wrong method. */
export interface Trap<V> {
  readonly label: string;
  readonly right: () => V;
  /** The value a solver gets by the typical wrong method (forgetting to halve, counting one end…). */
  readonly wrong: () => V;
  readonly say: (v: V) => Said;
  /** How a solver who used the wrong method writes the step. */
  readonly sayWrong: (v: V) => Said;
}

const SLIPPED_VERBS = ['comes out to', 'works out to', 'is', 'equals'];
const SLIPPED_OPENERS = ['So', 'Then', 'Next,', 'This means'];

/**
 * Records one worked derivation while a family's `derive` runs. Every number the derivation
 * computes goes through `int`/`num`/`trap`, which count as *sites*: under a plan with a slip, the
 * planned site returns a wrong value instead, and everything after it is computed from that
 * value, so the error is carried on consistently. The slipped step itself is stated tersely
 * ("so the discriminant comes out to 13"), never as a false identity with its operands.
 */
export class Deriver {
  readonly #plan: DerivationPlan;
  readonly #phrasing: Rng;
  readonly steps: string[] = [];
  #sites = 0;
  #paths = 0;
  slippedSite: number | undefined;

  constructor(plan: DerivationPlan) {
    this.#plan = plan;
    this.#phrasing = new Rng(deriveSeed(plan.phrasing, 'phrasing'));
  }

  get sites(): number {
    return this.#sites;
  }

  /** One of `said`'s alternatives (the first under the canonical plan). */
  pick<T>(options: readonly T[]): T {
    if (options.length === 0) throw new RangeError('pick from no options');
    return this.#plan.phrasing === 0 ? (options[0] as T) : this.#phrasing.pick(options);
  }

  /** A sentence that computes nothing new. */
  note(said: Said): void {
    this.steps.push(this.#text(said));
  }

  /** Which of `count` solution methods this derivation takes (0 under the canonical plan). */
  path(count: number): number {
    this.#paths += 1;
    if (this.#plan.path === 0 || count <= 1) return 0;
    return new Rng(deriveSeed(this.#plan.path, 'path', this.#paths)).int(0, count - 1);
  }

  /** An integer step. */
  int(label: string, compute: () => number, say: (v: number) => Said, bounds: SlipBounds = {}): number {
    const value = Fraction.of(compute());
    const slipped = this.#maybeSlip(value, bounds);
    const v = slipped ?? value;
    this.steps.push(slipped ? this.#terse(label, String(v.num)) : this.#text(say(v.num)));
    return v.num;
  }

  /** An exact rational step. */
  num(label: string, compute: () => Fraction, say: (v: Fraction) => Said, bounds: SlipBounds = {}): Fraction {
    const value = compute();
    const slipped = this.#maybeSlip(value, bounds);
    const v = slipped ?? value;
    this.steps.push(slipped ? this.#terse(label, String(v)) : this.#text(say(v)));
    return v;
  }

  /** A number read from the problem; the slip here is a misread, stated as if it were given. */
  given(compute: () => number, say: (v: number) => Said, bounds: SlipBounds = {}): number {
    const value = Fraction.of(compute());
    const v = this.#maybeSlip(value, bounds) ?? value;
    this.steps.push(this.#text(say(v.num)));
    return v.num;
  }

  /** A step with a typical wrong method: the slip here is that method, written out consistently. */
  trap<V>(t: Trap<V>): V {
    const site = this.#sites++;
    if (this.#plan.slip?.site === site) {
      const v = t.wrong();
      this.slippedSite = site;
      this.steps.push(this.#text(t.sayWrong(v)));
      return v;
    }
    const v = t.right();
    this.steps.push(this.#text(t.say(v)));
    return v;
  }

  #maybeSlip(value: Fraction, bounds: SlipBounds): Fraction | undefined {
    if (bounds.exact) return undefined;
    const site = this.#sites++;
    const slip = this.#plan.slip;
    if (slip?.site !== site) return undefined;
    this.slippedSite = site;
    return slipValue(value, slip, bounds);
  }

  #text(said: Said): string {
    return typeof said === 'string' ? said : this.pick(said);
  }

  #terse(label: string, value: string): string {
    return `${this.pick(SLIPPED_OPENERS)} ${label} ${this.pick(SLIPPED_VERBS)} ${value}.`;
  }
}
