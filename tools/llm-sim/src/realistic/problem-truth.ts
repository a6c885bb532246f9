import type { TaskTag } from '@magpie/unitag';
import { Deriver } from '../families/deriver.js';
import type { AnswerKind, Difficulty, KnownProblem } from '../families/family-types.js';
import type { RealisticRegistry } from '../families/realistic-registry.js';
import { answerToLatex, Fraction } from '../problems/fraction.js';
import type { ProblemRegistry, RecognisedSolution } from '../problems/problem-registry.js';
import { recogniseOffTask } from './off-task-prompts.js';
import { textDefects } from './problem-decorations.js';

/** Everything the simulator knows about a text it may have written. */
export interface ProblemTruth {
  /** `math`: a problem it can solve; `non_math`: a chat request; `incomplete`: an instruction without its problem; `unknown`: none of its texts. */
  readonly kind: 'math' | 'non_math' | 'incomplete' | 'unknown';
  /** The true final answer in canonical LaTeX, for math. */
  readonly answer: string | null;
  readonly answerKind: AnswerKind | null;
  readonly difficulty: Difficulty | null;
  readonly domain: string | null;
  readonly subtopic: string | null;
  readonly family: string | null;
  /** The task category of a non-math request. */
  readonly category: TaskTag | null;
  readonly intent: string | null;
  readonly knowledge: string | null;
  /** Defects of the text itself: a trailing ':' or an answer written after the problem. */
  readonly defects: readonly ('trailing_colon' | 'answer_leak')[];
  /** The problem to work (not serialised). */
  readonly known: KnownProblem | undefined;
}

/** School-level problems of the ideal profile's families count as this difficulty. */
const LEGACY_DIFFICULTY: Difficulty = 2;

/**
 * A legacy (ideal-profile) solution as a known problem: its steps are fixed, and a slip can only hit
 * the final value, stated tersely. Realistic answers to hand-written school problems use this.
 */
function legacyKnown(solution: RecognisedSolution, domain: string, subtopic: string): KnownProblem {
  const value = /^-?\d+(?:\/\d+)?$/.test(solution.answer) ? Fraction.of(Number(solution.answer.split('/')[0]), Number(solution.answer.split('/')[1] ?? 1)) : undefined;
  const derive = (plan: Parameters<KnownProblem['derive']>[0]): ReturnType<KnownProblem['derive']> => {
    const d = new Deriver(plan);
    for (const step of solution.steps.slice(0, -1)) d.note(step);
    if (!value) {
      d.note(solution.steps.at(-1) ?? '');
      return { steps: d.steps, answer: { latex: solution.answer, kind: 'expression' }, sites: 0, slippedSite: undefined };
    }
    const last = solution.steps.at(-1) ?? '';
    const v = d.num('the final value', () => value, () => last);
    return { steps: d.steps, answer: { latex: answerToLatex(v.toString()), kind: v.isInteger() ? 'integer' : 'fraction' }, sites: d.sites, slippedSite: d.slippedSite };
  };
  const truth = derive({ phrasing: 0, path: 0 });
  return { family: solution.family, domain, subtopic, difficulty: LEGACY_DIFFICULTY, intent: 'solve a school-level math problem', knowledge: 'school mathematics', truth, derive };
}

const NONE = { answer: null, answerKind: null, difficulty: null, domain: null, subtopic: null, family: null, category: null, intent: null, knowledge: null, known: undefined } as const;

/** Looks texts up in the realistic families, the simulator's off-task texts and the ideal profile's families. */
export class TruthService {
  readonly #realistic: RealisticRegistry;
  readonly #legacy: ProblemRegistry;

  constructor(realistic: RealisticRegistry, legacy: ProblemRegistry) {
    this.#realistic = realistic;
    this.#legacy = legacy;
  }

  /** The truth about `text`. Never throws. */
  truth(text: string): ProblemTruth {
    const defects = textDefects(text);
    const offTask = recogniseOffTask(text);
    if (offTask?.kind === 'non_math') return { ...NONE, kind: 'non_math', category: offTask.category, defects };
    if (offTask?.kind === 'incomplete') return { ...NONE, kind: 'incomplete', domain: offTask.domain, defects };
    const known = this.#realistic.recognise(text) ?? this.#legacyProblem(text);
    if (!known) return { ...NONE, kind: 'unknown', defects };
    return {
      kind: 'math',
      answer: known.truth.answer.latex,
      answerKind: known.truth.answer.kind,
      difficulty: known.difficulty,
      domain: known.domain,
      subtopic: known.subtopic,
      family: known.family,
      category: null,
      intent: known.intent,
      knowledge: known.knowledge,
      defects,
      known,
    };
  }

  #legacyProblem(text: string): KnownProblem | undefined {
    const solution = this.#legacy.solve(text);
    if (!solution) return undefined;
    const family = this.#legacy.families.find((f) => f.name === solution.family);
    return legacyKnown(solution, family?.domain ?? 'algebra', family?.subtopic ?? '');
  }
}
