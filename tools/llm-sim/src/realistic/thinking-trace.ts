import type { Rng } from '../rng.js';

const OPENINGS = ['Okay, so I need to solve this problem: ', "Alright, let's see. The problem says: ", 'Hmm, let me try to figure this out. The question is: ', 'Let me read the problem again: '];
const PLANS = [
  'Let me think about which approach works best here.',
  "I remember there's a standard way to handle this kind of question.",
  'Maybe I should start by writing down what I know.',
  'First I need to be clear about what is being asked.',
];
const THOUGHT_CONNECTORS = ['First,', 'Then', 'Next,', 'So', 'Now', 'Okay, and', 'From there,'];
const CHECKS = ['Wait, let me double-check that.', 'Hmm, is that right? Let me recompute.', 'Let me verify this step again.', 'Hold on, I want to be careful here.', 'Let me go over this part once more.'];
const FILLERS = [
  'Okay, that seems consistent.',
  "I think that's correct, but let me be careful with the arithmetic.",
  'Let me make sure about the signs here.',
  'I should check whether the problem wants an exact value. Yes, it does.',
  'Is there another interpretation of the question? I do not think so.',
  'Alternatively, I could approach it differently, but that should lead to the same place.',
  'Let me not rush this; small slips are easy to make.',
  'That matches what I expected from a rough estimate.',
];

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

/**
 * A reasoning model's thinking for one sample: it restates the problem, works the steps as
 * thoughts, then keeps re-checking steps and re-reading the problem until it reaches about
 * `targetTokens` tokens (4 characters each), and only then states its answer. The re-checks repeat
 * the steps' own values, so a slipped value is repeated, never contradicted. When `finish` is
 * false the trace stops at the target without an answer (it is about to be cut at max_tokens).
 */
export function writeThinking(input: { problemText: string; steps: readonly string[]; answer: string; targetTokens: number; finish: boolean; rng: Rng }): string {
  const { steps, rng } = input;
  const targetChars = input.targetTokens * 4;
  const parts = [`${rng.pick(OPENINGS)}${input.problemText.slice(0, 600)}`, rng.pick(PLANS)];
  steps.forEach((s, i) => parts.push(`${THOUGHT_CONNECTORS[Math.min(i, THOUGHT_CONNECTORS.length - 1)] ?? ''} ${lowerFirst(s)}`));
  let length = parts.reduce((n, p) => n + p.length + 2, 0);
  while (length < targetChars) {
    const u = rng.next();
    const step = steps.length > 0 ? rng.pick(steps) : '';
    const part =
      u < 0.45 && step !== ''
        ? `${rng.pick(CHECKS)} ${step}`
        : u < 0.55
          ? `Let me re-read the problem to make sure I have not misread anything: ${input.problemText.slice(0, 300)}`
          : u < 0.7 && steps.length > 1
            ? `So far: ${steps.slice(0, rng.int(1, steps.length)).map(lowerFirst).join(' Then ')}`
            : rng.pick(FILLERS);
    parts.push(part);
    length += part.length + 2;
  }
  if (input.finish) parts.push(rng.pick([`So the answer should be ${input.answer}.`, `That gives ${input.answer}.`, `Okay, I'm fairly confident the answer is ${input.answer}.`]));
  return parts.join('\n\n');
}
