import type { Rng } from '../rng.js';

/** How a model lays out a worked solution; chat models each have favourites, samples vary. */
type Style = 'markdown-steps' | 'bold-steps' | 'numbered' | 'prose' | 'final-answer-block';

const STYLES: readonly Style[] = ['markdown-steps', 'bold-steps', 'numbered', 'prose', 'final-answer-block'];

const INTROS = [
  "Let's solve this step by step.",
  'We work through the problem carefully.',
  'Here is a step-by-step solution.',
  'To solve this, we proceed as follows.',
  'Let me set up the problem and solve it.',
];
const CONNECTORS = ['First,', 'Next,', 'Then', 'After that,', 'Now', 'So', 'Finally,'];
const CLOSINGS = [
  '',
  'Checking the result against the original conditions confirms it.',
  'A quick check with the given numbers agrees.',
  'This is consistent with every condition in the problem.',
  'Substituting back confirms the value.',
];

/** A closing remark some samples add after the last step (empty for none). */
function closing(rng: Rng): string {
  const remark = rng.pick(CLOSINGS);
  return remark === '' ? '' : `\n\n${remark}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

/** The visible solution: the steps in one of the layouts, ending in the boxed answer. */
export function layOutSolution(steps: readonly string[], boxed: string, rng: Rng, options: { afterThinking: boolean }): string {
  const style = options.afterThinking ? rng.pick<Style>(['bold-steps', 'final-answer-block', 'prose']) : rng.pick(STYLES);
  const body = layOutSteps(style, steps, rng) + closing(rng);
  switch (style) {
    case 'markdown-steps':
      return `${body}\n\nThe final answer is: $\\boxed{${boxed}}$`;
    case 'bold-steps':
      return `${body}\n\nTherefore, the final answer is $\\boxed{${boxed}}$.`;
    case 'numbered':
      return `${body}\n\nSo the answer is $\\boxed{${boxed}}$.`;
    case 'prose':
      return `${body}\n\nHence the answer is $\\boxed{${boxed}}$.`;
    case 'final-answer-block':
      return `${body}\n\n**Final Answer**\n\\[\n\\boxed{${boxed}}\n\\]`;
  }
}

function layOutSteps(style: Style, steps: readonly string[], rng: Rng): string {
  switch (style) {
    case 'markdown-steps':
      return steps.map((s, i) => `## Step ${i + 1}: ${s}`).join('\n\n');
    case 'bold-steps':
      return `${rng.pick(INTROS)}\n\n${steps.map((s, i) => `**Step ${i + 1}.** ${s}`).join('\n\n')}`;
    case 'numbered':
      return `${rng.pick(INTROS)}\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`;
    case 'prose':
      return steps.map((s, i) => (i === 0 ? s : `${CONNECTORS[Math.min(i, CONNECTORS.length - 1)] ?? ''} ${lowerFirst(s)}`)).join(' ');
    case 'final-answer-block':
      return `${rng.pick(INTROS)}\n\n${steps.join('\n\n')}`;
  }
}
