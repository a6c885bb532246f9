import { extractBoxed } from './extract-boxed.js';

/** Plain-text units that may trail a number (`5 cm`); single letters are left alone, they may be variables. */
const PLAIN_UNITS =
  'cm|mm|km|m|meters?|metres?|centimeters?|inches|inch|in|feet|foot|ft|yards?|miles?|units?|sq\\.?\\s*units|square\\s+units|' +
  'degrees?|radians?|dollars?|cents?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|grams?|kg|g|liters?|litres?|ml|mph|km/h';
const TRAILING_PLAIN_UNIT = new RegExp(`([\\d}.)])\\s+(?:${PLAIN_UNITS})(?:\\^\\{?[23]\\}?|²|³)?$`, 'i');
/** Up to two words after a number, `12 students`, `5 square feet`; not function names like `\\sin`, which need a backslash anyway. */
const TRAILING_WORDS = /(\d)\s+[A-Za-z]{3,}(?:\s+[A-Za-z]{3,})?$/;
const TEXT_COMMAND = String.raw`\\(?:text|textnormal|textrm|textbf|textit|mbox|mathrm|mathbf|mathit|operatorname)\s*`;
const WHOLE_TEXT = new RegExp(`^${TEXT_COMMAND}\\{([^{}]*)\\}$`);
/** A `\text{…}` group that follows other content, optionally squared or cubed: a unit such as `\text{ cm}^2`. */
const TRAILING_TEXT_UNIT = new RegExp(`(.)\\s*${TEXT_COMMAND}\\{\\s*[A-Za-z][A-Za-z\\s./]*\\}(?:\\s*\\^\\s*\\{?\\s*[23]\\s*\\}?)?$`);
/** `\text{ or }` / `\text{and}` between alternatives; they become list separators. */
const TEXT_CONJUNCTION = new RegExp(`${TEXT_COMMAND}\\{\\s*(?:or|and)\\s*\\}|\\s+(?:or|and)\\s+`, 'g');
const EQUATION_PREFIX = /^[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?(?:\([A-Za-z]\))?\s*(?:=(?!=)|\\in(?![A-Za-z]))\s*/;

/**
 * Rewrites an answer into LaTeX the compute engine (and the structure parser) can read, keeping
 * its meaning: drops `$…$`, `\(…\)`, `\[…\]`, a whole-answer `\boxed{}`, `\left`/`\right` and
 * `\big` sizing, spacing commands, `\displaystyle`, a trailing period, trailing degree signs and
 * units (`\text{ cm}^2`, `5 cm`), a `\$` sign, thousands separators (`1,000`, `1{,}000`) and a
 * leading `x =` / `x \in`; unwraps `\text{12}`; writes `\dfrac`/`\tfrac` as `\frac` and `%` as `\%`;
 * turns `\text{ or }` / ` and ` into commas. Never throws; unknown LaTeX is kept as is.
 */
export function cleanAnswerLatex(input: string): string {
  let t = stripOuter(input.trim());
  t = t.replace(/\\(?:display|text|script)style(?![A-Za-z])/g, '');
  t = t.replace(/\\(?:left|right|[bB]igg?[lr]?)(?![A-Za-z])\s*/g, '');
  t = t.replace(/\\[dt]frac(?![A-Za-z])/g, '\\frac');
  t = t.replace(/\\[dt]binom(?![A-Za-z])/g, '\\binom');
  t = t.replace(/\\(?:[,;:! ]|q?quad(?![A-Za-z]))|~/g, ' ');
  t = t.replace(/\\\$|\$/g, '');
  t = t.replace(/(?<!\\)%/g, '\\%');
  t = t.replace(TEXT_CONJUNCTION, ',');
  t = stripTrailingDecorations(t.trim());
  t = t.replace(EQUATION_PREFIX, '');
  t = t.replace(/^\(([A-Z])\)$/, '$1'); // a multiple-choice letter, "(C)"
  t = t.replace(/\{,\}/g, ',');
  t = removeThousandsSeparators(t);
  t = t.replace(new RegExp(`${TEXT_COMMAND}\\{\\s*([-+]?[\\d.,/]+)\\s*\\}`, 'g'), '$1');
  return t.trim();
}

/** The words of a whole-answer `\text{…}` (or `\textbf`, `\mathrm` …), or undefined when it is not one. */
export function wholeTextContent(s: string): string | undefined {
  return WHOLE_TEXT.exec(s.trim())?.[1];
}

/** Delimiters around the whole answer, repeatedly: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`, `\boxed{…}`, a final `.`. */
function stripOuter(s: string): string {
  let t = s;
  for (let guard = 0; guard < 8; guard++) {
    const before = t;
    t = t.replace(/[.;]+$/, '').trim();
    const inner = /^\$\$([\s\S]*)\$\$$/.exec(t) ?? /^\$([^$]*)\$$/.exec(t) ?? /^\\[([]([\s\S]*)\\[)\]]$/.exec(t);
    if (inner?.[1] !== undefined) t = inner[1].trim();
    if (/^\\(?:boxed|fbox)\s*\{/.test(t)) {
      const boxed = extractBoxed(t);
      // Only when the box spans the whole answer; `\boxed{1} + 2` is not a box around it.
      if (boxed !== undefined && t.replace(/\s+/g, '').endsWith(`${boxed.replace(/\s+/g, '')}}`)) t = boxed.trim();
    }
    if (t === before) return t;
  }
  return t;
}

function stripTrailingDecorations(s: string): string {
  let t = s;
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    t = t.replace(/\s*(?:\^\s*\{?\s*\\circ\s*\}?|°|\\degree(?![A-Za-z]))\s*$/, '');
    t = t.replace(TRAILING_TEXT_UNIT, '$1');
    t = t.replace(TRAILING_PLAIN_UNIT, '$1');
    t = t.replace(TRAILING_WORDS, '$1');
    t = t.replace(/[.;]+$/, '').trim();
    if (t === before) return t;
  }
  return t;
}

/**
 * `1,000,000` → `1000000`, only when the whole answer is such a number: inside a tuple `(0,100)`
 * the comma separates elements.
 */
function removeThousandsSeparators(s: string): string {
  return /^[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
}
