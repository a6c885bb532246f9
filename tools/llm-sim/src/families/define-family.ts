import type { Rng } from '../rng.js';
import { Deriver } from './deriver.js';
import { TRUTH_PLAN, type Difficulty, type FamilyAnswer, type KnownProblem, type RealisticFamily } from './family-types.js';
import type { Slot } from './slot-kinds.js';

type Slots<P> = { readonly [K in keyof P]: Slot<P[K]> };

/** A phrasing of a family's problem; `when` fixes parameters the phrasing itself stands for (the asked quantity, say). */
export type Template<P> = string | { readonly text: string; readonly when: Partial<P> };

/**
 * How a family is written. Templates hold `{slot}` placeholders; a problem is rendered from one of
 * them and recognised by matching them all, so writing and reading cannot disagree. `derive`
 * works the parameters with a Deriver and returns the answer; generation and recognition share it.
 */
export interface FamilySpec<P extends object> {
  readonly name: string;
  readonly domain: string;
  readonly subtopic: string;
  readonly intent: string;
  readonly knowledge: string;
  readonly slots: Slots<P>;
  readonly templates: readonly Template<P>[];
  /** Values of parameters that only some templates mention (a person's name, say); the others read these. */
  readonly defaults?: Partial<P>;
  readonly levels: readonly Difficulty[];
  /** Parameters of difficulty `level`; difficulty(sample(rng, level)) must be `level`. */
  sample(rng: Rng, level: Difficulty): P;
  difficulty(p: P): Difficulty;
  /** False for parameters that are not a well-posed problem (recognition then fails). */
  valid?(p: P): boolean;
  /** Works the problem; may throw for a text that is not well posed, or when a slip cannot apply. */
  derive(p: P, d: Deriver): FamilyAnswer;
}

/** Thrown at module load for a template that could not be recognised reliably. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

interface Compiled<P> {
  readonly template: Template<P>;
  readonly text: string;
  readonly regex: RegExp;
  /** Slot names in the order of their capture groups. */
  readonly groups: readonly (keyof P & string)[];
  readonly marker: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function compile<P extends object>(spec: FamilySpec<P>, template: Template<P>): Compiled<P> {
  const text = typeof template === 'string' ? template : template.text;
  const fixed = typeof template === 'string' ? {} : template.when;
  const slotNames = new Set(Object.keys(spec.slots));
  const groups: (keyof P & string)[] = [];
  const literals: string[] = [];
  let source = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1] ?? '';
    if (!slotNames.has(key)) continue;
    const literal = text.slice(last, m.index);
    literals.push(literal);
    source += escapeRegExp(literal).replace(/\s+/g, '\\s+');
    const slot = spec.slots[key as keyof P];
    if (groups.includes(key as keyof P & string)) source += `(?:${slot.pattern})`;
    else {
      groups.push(key as keyof P & string);
      source += `(${slot.pattern})`;
    }
    last = (m.index ?? 0) + m[0].length;
  }
  const tail = text.slice(last);
  literals.push(tail);
  source += escapeRegExp(tail).replace(/\s+/g, '\\s+');
  for (const key of slotNames) {
    if (!groups.includes(key as keyof P & string) && !(key in fixed) && !(key in (spec.defaults ?? {}))) throw new TemplateError(`${spec.name}: template lacks {${key}}: ${text}`);
  }
  const marker = literals.reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
  return { template, text, regex: new RegExp(source), groups, marker };
}

function matchesFixed<P extends object>(template: Template<P>, p: P): boolean {
  if (typeof template === 'string') return true;
  return Object.entries(template.when).every(([k, v]) => p[k as keyof P] === v);
}

function render<P extends object>(spec: FamilySpec<P>, compiled: Compiled<P>, p: P): string {
  return compiled.text.replace(PLACEHOLDER, (whole, key: string) => (key in spec.slots ? spec.slots[key as keyof P].format(p[key as keyof P]) : whole));
}

/** Builds a stateless family from its spec. Throws TemplateError when a template is malformed. */
export function defineFamily<P extends object>(spec: FamilySpec<P>): RealisticFamily {
  const compiled = spec.templates.map((t) => compile(spec, t));
  const known = (p: P): KnownProblem => {
    const derive = (plan: typeof TRUTH_PLAN): ReturnType<KnownProblem['derive']> => {
      const d = new Deriver(plan);
      const answer = spec.derive(p, d);
      return { steps: d.steps, answer, sites: d.sites, slippedSite: d.slippedSite };
    };
    return {
      family: spec.name,
      domain: spec.domain,
      subtopic: spec.subtopic,
      difficulty: spec.difficulty(p),
      intent: spec.intent,
      knowledge: spec.knowledge,
      truth: derive(TRUTH_PLAN),
      derive,
    };
  };
  return Object.freeze<RealisticFamily>({
    name: spec.name,
    domain: spec.domain,
    subtopic: spec.subtopic,
    levels: spec.levels,
    markers: compiled.map((c) => c.marker),
    generate(rng, level) {
      for (let attempt = 0; ; attempt++) {
        if (attempt === 100) throw new TemplateError(`${spec.name}: 100 samples at level ${level} could not be worked`);
        const p = spec.sample(rng, level);
        const fitting = compiled.filter((c) => matchesFixed(c.template, p));
        if (fitting.length === 0) throw new TemplateError(`${spec.name}: no template for ${JSON.stringify(p)}`);
        try {
          const problem = known(p);
          return { text: render(spec, rng.pick(fitting), p), problem };
        } catch (err) {
          // A sampled corner case the derivation refuses (a zero divisor, say): draw again.
          if (err instanceof TemplateError) throw err;
        }
      }
    },
    recognise(text) {
      for (const c of compiled) {
        if (!text.includes(c.marker)) continue;
        const m = c.regex.exec(text);
        if (!m) continue;
        try {
          const p = { ...spec.defaults, ...(typeof c.template === 'string' ? {} : c.template.when) } as P;
          c.groups.forEach((key, i) => {
            p[key] = spec.slots[key].read(m[i + 1] ?? '');
          });
          if (spec.valid && !spec.valid(p)) continue;
          return known(p);
        } catch {
          continue;
        }
      }
      return undefined;
    },
  });
}
