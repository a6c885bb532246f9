import type { Solution } from './problems/problem-family.js';
import { answerToLatex } from './problems/fraction.js';
import type { Rng } from './rng.js';
import { plausibleWrongAnswer, wrongSteps } from './wrong-answer.js';

/** One simulated chat answer. */
export interface WrittenSolution {
  /** The chain of thought (without `<think>` tags). */
  readonly reasoning: string;
  /** The visible answer, ending in `\boxed{…}`. */
  readonly content: string;
  /** The answer in the box, in the simulator's canonical form. */
  readonly answer: string;
  /** False for a deliberate slip or a guess at an unrecognised problem. */
  readonly correct: boolean;
}

export interface WriteSolutionInput {
  /** The true solution, or undefined when the problem was not recognised. */
  readonly solution: Solution | undefined;
  readonly rng: Rng;
  /** Probability that this answer is correct. */
  readonly accuracy: number;
}

const INTROS = ["Let's solve this step by step.", 'We work through the problem carefully.', 'Here is a step-by-step solution.'];
const THINK_OPENINGS = ['Okay, let me work through this problem.', 'Alright, I need to figure this out carefully.', 'Hmm, let me think about how to approach this.'];
const CONNECTORS = ['First,', 'Next,', 'Then', 'After that,', 'Now', 'So'];

/**
 * Writes a worked answer: with probability `accuracy` the true steps and answer, otherwise a slip
 * (sign, off-by-one, arithmetic) whose final step matches the wrong answer. An unrecognised problem
 * gets an honest guess. Deterministic for a given rng state.
 */
export function writeSolution(input: WriteSolutionInput): WrittenSolution {
  const { solution, rng } = input;
  if (!solution) {
    const guess = `${rng.int(1, 100)}`;
    return {
      reasoning: `${rng.pick(THINK_OPENINGS)} I don't recognise a standard method for this one, and I can't verify a derivation. I'll give my best estimate and say so.`,
      content: `I could not find a method I am confident in for this problem, so I cannot show a reliable derivation. My best guess is $\\boxed{${guess}}$.`,
      answer: guess,
      correct: false,
    };
  }
  const correct = rng.chance(input.accuracy);
  const wrong = correct ? undefined : plausibleWrongAnswer(solution.answer, rng);
  const steps = wrong ? wrongSteps(solution.steps, solution.answer, wrong) : [...solution.steps];
  const answer = wrong?.answer ?? solution.answer;
  const thoughts = steps.map((s, i) => `${CONNECTORS[Math.min(i, CONNECTORS.length - 1)] ?? ''} ${lowerFirst(s)}`);
  const check = rng.chance(0.5) ? `Let me double-check that last step. Yes, I still get ${answer}.` : `That gives ${answer}.`;
  const body = steps.map((s, i) => `**Step ${i + 1}.** ${s}`).join('\n\n');
  return {
    reasoning: [rng.pick(THINK_OPENINGS), ...thoughts, check].join('\n\n'),
    content: `${rng.pick(INTROS)}\n\n${body}\n\nTherefore, the final answer is $\\boxed{${answerToLatex(answer)}}$.`,
    answer,
    correct: wrong === undefined,
  };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}
