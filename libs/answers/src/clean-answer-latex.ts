import { unwrapBoxes } from './extract-boxed.js';

const UNICODE: readonly (readonly [RegExp, string])[] = [
  [/[−–]/g, '-'],
  [/≤|⩽/g, '\\le '],
  [/≥|⩾/g, '\\ge '],
  [/≠/g, '\\ne '],
  [/×/g, '\\times '],
  [/[·⋅]/g, '\\cdot '],
  [/π/g, '\\pi '],
  [/∞/g, '\\infty '],
  [/∪/g, '\\cup '],
  [/∈/g, '\\in '],
  [/±/g, '\\pm '],
  [/√\s*(\d+|[A-Za-z])/g, '\\sqrt{$1}'],
  [/°|\\degree(?![A-Za-z])|\^\s*\{\s*\\circ\s*\}|\^\s*\\circ(?![A-Za-z])/g, '^\\circ'],
];

/**
 * Rewrites an answer into plain LaTeX that the structure parser and the compute engine read,
 * keeping its meaning: drops `$…$`, `$$…$$`, `\(…\)`, `\[…\]` and every `\boxed{}` / `\fbox{}`
 * (nested ones too), `\left`/`\right` and `\big` sizing, `\displaystyle`, spacing commands and a
 * trailing period; writes `\dfrac`/`\tfrac`/`\cfrac` as `\frac`, `{a \over b}` as `\frac{a}{b}`,
 * `%` as `\%`, degree signs as `^\circ`, Unicode symbols (≤, π, √2, −) as LaTeX; joins digit groups
 * written with `{,}` or a thin space (`1{,}000`, `1\,000`); turns `\text{ or }` / ` or ` into
 * `\lor` and `\text{ and }` / ` and ` into `\land`. Units, `x =` prefixes and plain commas stay:
 * whether `1,000` is a number or a list is the structure parser's decision. Never throws.
 */
export function cleanAnswerLatex(input: string): string {
  let t = input.trim();
  for (const [pattern, replacement] of UNICODE) t = t.replace(pattern, replacement);
  t = unwrapBoxes(t);
  t = stripOuter(t);
  t = t.replace(/\\(?:display|text|script|scriptscript)style(?![A-Za-z])/g, '');
  t = t.replace(/\\(?:left|right|middle|[bB]igg?[lrm]?)(?![A-Za-z])\s*(\\?[()[\]{}|.]|\\[lr]angle|\\[lr]vert|\\[lr]Vert)?/g, (_m, d: string | undefined) =>
    d === '.' || d === '\\.' || d === undefined ? '' : d,
  );
  t = t.replace(/\\[dtc]frac(?![A-Za-z])\s*(?:\[[a-z]\])?/g, '\\frac');
  t = t.replace(/\\[dt]binom(?![A-Za-z])/g, '\\binom');
  t = t.replace(/\{([^{}]*)\\over(?![A-Za-z])([^{}]*)\}/g, '\\frac{$1}{$2}');
  t = t.replace(/(\d)(?:\{,\}|(?<!\\)\\,|\\ |\\;|~)(?=\d{3}(?!\d))/g, '$1');
  t = t.replace(/(?<!\\)\\!/g, '');
  t = t.replace(/(?<!\\)\\(?:[,;:> ]|q?quad(?![A-Za-z])|enspace(?![A-Za-z])|thinspace(?![A-Za-z]))|~/g, ' ');
  t = t.replace(/(?<!\\)\$/g, '');
  t = t.replace(/(?<!\\)%/g, '\\%');
  t = t.replace(/\\(?:text|textnormal|textrm|textbf|textit|mbox|mathrm)\s*\{\s*(or|and)\s*\}/gi, (_m, w: string) => connective(w));
  t = t.replace(/\s+(or|and)\s+/gi, (_m, w: string) => connective(w));
  t = t.replace(/\\(?:lor|vee)(?![A-Za-z])/g, ' \\lor ').replace(/\\(?:land|wedge)(?![A-Za-z])/g, ' \\land ');
  t = stripOuter(t.replace(/\s+/g, ' ').trim());
  return t;
}

function connective(word: string): string {
  return word.toLowerCase() === 'or' ? ' \\lor ' : ' \\land ';
}

/** Delimiters around the whole answer, repeatedly: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`, a final `.` or `;`. */
function stripOuter(s: string): string {
  let t = s;
  for (let guard = 0; guard < 8; guard++) {
    const before = t;
    t = t.replace(/(?<![\d\\])[.;]+$/, '').replace(/(\d)\.$/, '$1').trim();
    const inner = /^\$\$([\s\S]*)\$\$$/.exec(t) ?? /^\$([^$]*)\$$/.exec(t) ?? /^\\\(([\s\S]*)\\\)$/.exec(t) ?? /^\\\[([\s\S]*)\\\]$/.exec(t);
    if (inner?.[1] !== undefined) t = inner[1].trim();
    if (t === before) return t;
  }
  return t;
}
