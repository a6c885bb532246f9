import { deriveSeed } from '@magpie/llm';
import { SLIP_KINDS, type Derivation, type FamilyAnswer, type KnownProblem, type SlipPlan } from '../families/family-types.js';
import { approxTokens, truncateToTokens } from '../approx-tokens.js';
import type { AnswerJudge } from './answer-judge.js';
import { Rng } from '../rng.js';
import { problemOffset, rightProbability } from './correctness.js';
import { offTaskReply, type OffTask } from './off-task-prompts.js';
import type { RealismSettings } from './realism-settings.js';
import { layOutSolution } from './solution-styles.js';
import type { ThinkingLength } from './thinking-length.js';
import { writeThinking } from './thinking-trace.js';

/** One sample as the realistic model writes it, with the simulator's own verdict. */
export interface WrittenAnswer {
  /** The raw output: `<think>…</think>` then the solution for a reasoning model. */
  readonly text: string;
  /** The boxed answer, or undefined when there is none. */
  readonly answer: string | undefined;
  /** Whether the boxed answer is right; undefined when the question is not a problem the simulator knows. */
  readonly correct: boolean | undefined;
  /** The output length the sample was drawn to have, tokens (the thinking plus the solution). */
  readonly plannedTokens: number;
}

export interface AnswerInput {
  readonly question: string;
  readonly known: KnownProblem | undefined;
  readonly offTask: OffTask | undefined;
  readonly modelId: string;
  readonly ability: number;
  readonly reasoning: boolean;
  readonly temperature: number;
  /** The sample's max_tokens: thinking that would run past it is cut there. */
  readonly maxTokens: number;
  readonly settings: RealismSettings;
  readonly thinking: ThinkingLength;
  /** This sample's randomness (from its choice seed). */
  readonly rng: Rng;
  /** Judges an output cut at max_tokens the way the platform would (a cut solution may still end in a number). */
  readonly judge: AnswerJudge;
}

/** The verdict on an output cut at max_tokens, by what is left of it. */
function cutVerdict(input: AnswerInput, known: KnownProblem, text: string): { answer: string | undefined; correct: boolean } {
  return input.judge.judge(known.truth.answer.latex, truncateToTokens(text, input.maxTokens));
}

/** The weights of a problem's three typical mistakes; the rest of the wrong samples slip anywhere. */
const ATTRACTOR_WEIGHTS = [0.5, 0.25, 0.1];

/**
 * The mistakes a model tends to make on one problem (fixed by the model and the problem), so wrong
 * samples often agree on a wrong answer, as real ones do, and majority votes can be wrong.
 */
function typicalSlips(modelId: string, question: string, sites: number): SlipPlan[] {
  const rng = new Rng(deriveSeed(0, 'typical-slips', modelId, question));
  return ATTRACTOR_WEIGHTS.map(() => ({ site: rng.int(0, Math.max(0, sites - 1)), kind: rng.pick(SLIP_KINDS), magnitude: rng.int(1, 2 ** 30) }));
}

function pickSlip(typical: readonly SlipPlan[], sites: number, rng: Rng): SlipPlan {
  let u = rng.next();
  for (const [i, w] of ATTRACTOR_WEIGHTS.entries()) {
    u -= w;
    if (u < 0 && typical[i]) return typical[i];
  }
  return { site: rng.int(0, Math.max(0, sites - 1)), kind: rng.pick(SLIP_KINDS), magnitude: rng.int(1, 2 ** 30) };
}

/** A wrong derivation of `known`, or undefined when no slip tried changes its answer. */
function wrongDerivation(known: KnownProblem, input: AnswerInput, plan: { phrasing: number; path: number }): Derivation | undefined {
  const typical = typicalSlips(input.modelId, input.question, known.truth.sites);
  for (let attempt = 0; attempt < 8; attempt++) {
    const slip = pickSlip(typical, known.truth.sites, input.rng);
    try {
      const d = known.derive({ ...plan, slip });
      if (d.slippedSite !== undefined && d.answer.latex !== known.truth.answer.latex) return d;
    } catch {
      // This value cannot go wrong that way here; try another mistake.
    }
  }
  return undefined;
}

/** Denominators whose fractions have short terminating decimals. */
const TERMINATING_DENOMINATORS = new Set([2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100]);

/** An equivalent way of writing a right answer, sometimes: `\dfrac`, a terminating decimal, a set in another order. */
function writtenForm(answer: FamilyAnswer, rng: Rng): string {
  if (answer.kind === 'set' && answer.items && answer.items.length > 1 && rng.chance(0.3)) return `\\{${rng.shuffle(answer.items).join(', ')}\\}`;
  const frac = /^(-?)\\frac\{(\d+)\}\{(\d+)\}$/.exec(answer.latex);
  if (answer.kind === 'fraction' && frac) {
    const den = Number(frac[3]);
    if (rng.chance(0.15)) return answer.latex.replace('\\frac', '\\dfrac');
    if (TERMINATING_DENOMINATORS.has(den) && rng.chance(0.15)) {
      return `${frac[1]}${String(Number(frac[2]) / den)}`;
    }
  }
  return answer.latex;
}

/** An honest reply to a question the simulator does not know. */
function unknownReply(input: AnswerInput): WrittenAnswer {
  if (input.offTask) return { text: offTaskReply(input.offTask, input.rng), answer: undefined, correct: undefined, plannedTokens: 0 };
  const guess = String(input.rng.int(1, 100));
  const text = `I could not find a method I am confident in for this problem, so I cannot show a reliable derivation. My best guess is $\\boxed{${guess}}$.`;
  return { text: input.reasoning ? `<think>\nI don't recognise a standard method for this one. I'll give my best estimate and say so.\n</think>\n\n${text}` : text, answer: guess, correct: undefined, plannedTokens: approxTokens(text) };
}

/**
 * Writes one sample. Whether it is right is drawn from the model's ability, the problem's
 * difficulty, the temperature and the model's offset on this problem; a wrong one slips at one
 * step of its derivation and carries the error on. Each sample takes its own solution path,
 * phrasing and layout. A reasoning model thinks first, for a heavy-tailed number of tokens that
 * grows with the difficulty; when that exceeds max_tokens the output is cut inside the thinking.
 */
export function writeRealisticAnswer(input: AnswerInput): WrittenAnswer {
  const { known, rng } = input;
  if (!known) return unknownReply(input);
  const p = rightProbability({ ability: input.ability, difficulty: known.difficulty, temperature: input.temperature, offset: problemOffset(input.modelId, input.question, input.settings), settings: input.settings });
  const plan = { phrasing: rng.int(1, 2 ** 30), path: rng.int(1, 2 ** 30) };
  const wrong = rng.chance(p) ? undefined : wrongDerivation(known, input, plan);
  const derivation = wrong ?? known.derive(plan);
  const boxed = wrong ? wrong.answer.latex : writtenForm(known.truth.answer, rng);
  const solution = layOutSolution(derivation.steps, boxed, rng, { afterThinking: input.reasoning });
  if (!input.reasoning) {
    const verdict = approxTokens(solution) > input.maxTokens ? cutVerdict(input, known, solution) : { answer: boxed, correct: wrong === undefined };
    return { text: solution, ...verdict, plannedTokens: approxTokens(solution) };
  }
  const planned = Math.max(approxTokens(solution) + 40, input.thinking.draw(known.difficulty, rng));
  const thinkingTokens = planned - approxTokens(solution) - 4;
  // Thinking that will be cut anyway is written only a little past max_tokens.
  const finish = planned <= input.maxTokens;
  const trace = writeThinking({ problemText: input.question, steps: derivation.steps, answer: boxed, targetTokens: finish ? thinkingTokens : Math.min(thinkingTokens, input.maxTokens + 32), finish, rng });
  const text = `<think>\n${trace}\n</think>\n\n${solution}`;
  // The verdict is on what the client receives: an output longer than max_tokens is cut, usually before its answer.
  const verdict = approxTokens(text) > input.maxTokens ? cutVerdict(input, known, text) : { answer: boxed, correct: wrong === undefined };
  return { text, ...verdict, plannedTokens: planned };
}
