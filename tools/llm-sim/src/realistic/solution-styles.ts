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

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

/** The visible solution: the steps in one of the layouts, ending in the boxed answer. */
export function layOutSolution(steps: readonly string[], boxed: string, rng: Rng, options: { afterThinking: boolean }): string {
  const style = options.afterThinking ? rng.pick<Style>(['bold-steps', 'final-answer-block', 'prose']) : rng.pick(STYLES);
  switch (style) {
    case 'markdown-steps':
      return `${steps.map((s, i) => `## Step ${i + 1}: ${s}`).join('\n\n')}\n\nThe final answer is: $\\boxed{${boxed}}$`;
    case 'bold-steps':
      return `${rng.pick(INTROS)}\n\n${steps.map((s, i) => `**Step ${i + 1}.** ${s}`).join('\n\n')}\n\nTherefore, the final answer is $\\boxed{${boxed}}$.`;
    case 'numbered':
      return `${rng.pick(INTROS)}\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\nSo the answer is $\\boxed{${boxed}}$.`;
    case 'prose':
      return `${steps.map((s, i) => (i === 0 ? s : `${CONNECTORS[Math.min(i, CONNECTORS.length - 1)] ?? ''} ${lowerFirst(s)}`)).join(' ')}\n\nHence the answer is $\\boxed{${boxed}}$.`;
    case 'final-answer-block':
      return `${rng.pick(INTROS)}\n\n${steps.join('\n\n')}\n\n**Final Answer**\n\\[\n\\boxed{${boxed}}\n\\]`;
  }
}
