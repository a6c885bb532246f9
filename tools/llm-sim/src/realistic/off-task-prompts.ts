import type { TaskTag } from '@magpie/unitag';
import type { Rng } from '../rng.js';

/** A text the realistic model writes instead of a math problem. */
export type OffTask =
  | { readonly kind: 'non_math'; readonly category: TaskTag }
  | { readonly kind: 'incomplete'; readonly domain: string };

interface NonMathTemplate {
  readonly text: string;
  readonly category: TaskTag;
  readonly topics: readonly string[];
}

/** What Magpie models drift into when the steering does not hold: chat requests of every task category. */
const NON_MATH: readonly NonMathTemplate[] = [
  { text: 'Write a short poem about {topic}.', category: 'Creative writing', topics: ['autumn leaves', 'the ocean at night', 'a lighthouse keeper', 'city rain', 'an old library'] },
  { text: 'Can you write a story for children about {topic}?', category: 'Creative writing', topics: ['a brave little fox', 'a robot who loves gardening', 'a lost kite', 'the moon learning to sing'] },
  { text: 'What are the main causes of {topic}?', category: 'Information seeking', topics: ['the French Revolution', 'climate change', 'inflation', 'the fall of the Roman Empire', 'coral bleaching'] },
  { text: 'Explain how {topic} works in simple terms.', category: 'Information seeking', topics: ['a vaccine', 'the stock market', 'photosynthesis', 'a blockchain', 'the immune system'] },
  { text: 'What are some tips for {topic}?', category: 'Advice seeking', topics: ['staying productive while working from home', 'sleeping better', 'learning a new language', 'preparing for a job interview'] },
  { text: 'I feel nervous about {topic}. What should I do?', category: 'Advice seeking', topics: ['moving to a new city', 'giving a speech', 'starting university', 'asking for a raise'] },
  { text: 'Plan a relaxing weekend trip to {topic}.', category: 'Planning', topics: ['Lisbon', 'the Scottish Highlands', 'Kyoto', 'the Amalfi coast', 'Vancouver Island'] },
  { text: 'Help me make a study schedule for {topic}.', category: 'Planning', topics: ['my history exams', 'learning to play the guitar', 'a marathon', 'the bar exam'] },
  { text: 'Give me 5 creative ideas for {topic}.', category: 'Brainstorming', topics: ['a birthday party', 'a school fundraiser', 'a science fair project', 'a team-building day'] },
  { text: 'Write a Python function that {topic}.', category: 'Coding & Debugging', topics: ['reverses a linked list', 'checks whether a string is a palindrome', 'merges two sorted lists', 'parses a CSV file'] },
  { text: 'Why does my JavaScript code {topic}?', category: 'Coding & Debugging', topics: ['print undefined', 'run the callback twice', 'freeze the browser tab', 'ignore my event listener'] },
  { text: 'Pretend you are {topic} and describe your day.', category: 'Role playing', topics: ['a medieval blacksmith', 'a ship captain', 'a detective in 1920s Chicago', 'an astronaut on Mars'] },
  { text: 'Please rewrite this sentence to sound more formal: "{topic}"', category: 'Editing', topics: ['we gotta finish this stuff by friday', 'thanks a lot for the help', 'the meeting got moved cause of the weather'] },
  { text: 'Summarise the plot of {topic} in a few sentences.', category: 'Information seeking', topics: ['Hamlet', 'Pride and Prejudice', 'The Odyssey', 'Moby-Dick'] },
];

/** Instructions that stop before their content, ending in ':' as Magpie's filter expects; `{domain}` is the steered domain's words. */
const INCOMPLETE: readonly string[] = [
  'Solve the following {domain} problem:',
  'Here is a challenging {domain} question:',
  'Consider the following problem from {domain}:',
  'Find the answer to this {domain} problem. The problem is as follows:',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NON_MATH_PATTERNS = NON_MATH.map((t) => ({ template: t, regex: new RegExp(`^${escapeRegExp(t.text).replace('\\{topic\\}', '(.+)')}$`) }));
const INCOMPLETE_PATTERNS = INCOMPLETE.map((t) => new RegExp(`^${escapeRegExp(t).replace('\\{domain\\}', '([a-z ]+)')}$`));

/** A non-mathematical request. */
export function nonMathText(rng: Rng): { text: string; category: TaskTag } {
  const t = rng.pick(NON_MATH);
  return { text: t.text.replace('{topic}', rng.pick(t.topics)), category: t.category };
}

/** An instruction that ends before its problem (and so with ':'). */
export function incompleteText(domain: string, rng: Rng): string {
  return rng.pick(INCOMPLETE).replace('{domain}', domain.replace(/_/g, ' '));
}

/** Recognises the simulator's own off-task texts; undefined for anything else. */
export function recogniseOffTask(text: string): OffTask | undefined {
  const trimmed = text.trim();
  for (const { template, regex } of NON_MATH_PATTERNS) if (regex.test(trimmed)) return { kind: 'non_math', category: template.category };
  for (const regex of INCOMPLETE_PATTERNS) {
    const m = regex.exec(trimmed);
    if (m) return { kind: 'incomplete', domain: (m[1] ?? '').replace(/ /g, '_') };
  }
  return undefined;
}

/** What a chat model answers to an off-task request: a plain, unboxed reply. */
export function offTaskReply(offTask: OffTask, rng: Rng): string {
  if (offTask.kind === 'incomplete') {
    return rng.pick([
      'It looks like the problem itself is missing from your message. Could you share the full statement so I can work through it?',
      'I would be glad to help, but the problem statement did not come through. Please paste the problem and I will solve it step by step.',
    ]);
  }
  const opener = rng.pick(['Sure!', 'Of course.', 'Happy to help.', 'Great question.']);
  const body = rng.pick([
    'Here is a thoughtful response that addresses the main points of your request, organised so it is easy to follow.',
    'Let me walk you through the key ideas one at a time, with a short example for each.',
    'Below are a few suggestions, each with a sentence on why it works and how to get started.',
  ]);
  return `${opener} ${body}\n\n1. First, consider the context and what you want to achieve.\n2. Next, focus on the details that matter most.\n3. Finally, review the result and adjust as needed.\n\nI hope this helps!`;
}
