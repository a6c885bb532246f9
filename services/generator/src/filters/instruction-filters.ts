import type { FinishReason, GenerationFilters, RejectionReason } from '@magpie/contracts';

export type FilterVerdict =
  | { readonly accepted: true; readonly instruction: string; readonly sanitizeClass?: string }
  | { readonly accepted: false; readonly reason: RejectionReason; readonly detail?: string; readonly sanitizeClass?: string };

/**
 * Magpie's assistant-marker regex from str_utils.instruction_post_process, reproduced literally
 * (case-sensitive, with its trailing `s?:` quirk) for the sanitize cascade's class 4.
 */
const MAGPIE_ASSISTANT_MARKER =
  /(?:Answer:|Answers:|The answer is|Correct answer|The correct answer|Answer is|Explanation:|Here are some|Solution Approach:|Solution:)s?:/;

/** Unambiguous signs that the model went on to answer its own question. */
const LEAK_MARKERS = [/\\boxed\s*\{/, /(?<=^|[\n.?!])\s*(?:\*\*)?(?:Answer|Solution|Final answer)(?:\*\*)?\s*:/i, /(?:^|\n)#{1,4}\s*Step 1\b/];

const MATH_SIGNAL = /\d|[=+\-*/^<>≤≥√π∑∫]|\\(?:frac|sqrt|sum|int|pi|cdot|times|le|ge)|\b(?:solve|find|compute|calculate|evaluate|prove|how many|probability|integer|equation|function|triangle|circle|angle|area|volume|mean|median|derivative|integral|prime|divisible|remainder|sum|product)\b/i;

/**
 * Magpie's sanitize cascade, reduced to what matters for math prompts: cut before a leaked answer
 * (class 4, Magpie's literal regex), then before any other leak marker (class 4.1). Returns the
 * cut text and the class, or the text unchanged with class "0".
 */
export function sanitizeInstruction(text: string): { text: string; sanitizeClass: string } {
  const magpie = MAGPIE_ASSISTANT_MARKER.exec(text);
  if (magpie) return { text: text.slice(0, magpie.index).trim(), sanitizeClass: '4' };
  for (const marker of LEAK_MARKERS) {
    const m = marker.exec(text);
    if (m) return { text: text.slice(0, m.index).trim(), sanitizeClass: '4.1' };
  }
  return { text, sanitizeClass: '0' };
}

/** True when the text has the marks of a math problem: numbers, operators, LaTeX or math words. */
export function looksLikeMath(text: string): boolean {
  return MATH_SIGNAL.test(text);
}

/**
 * The per-instruction filters, in order: empty, truncated (finish_reason "length"), answer leak
 * (with sanitize: cut it, or reject when nothing useful is left), too short, too long, ends with
 * ':', not math. Duplicates are checked separately because they need the run's history.
 */
export function filterInstruction(raw: string, finishReason: FinishReason, filters: GenerationFilters): FilterVerdict {
  let instruction = raw.trim();
  if (instruction.length === 0) return { accepted: false, reason: 'empty' };
  if (finishReason === 'length') return { accepted: false, reason: 'truncated', detail: 'finish_reason=length' };
  let sanitizeClass: string | undefined;
  if (filters.sanitize) {
    const sanitized = sanitizeInstruction(instruction);
    sanitizeClass = sanitized.sanitizeClass;
    if (sanitized.text.length === 0) return { accepted: false, reason: 'answer_leak', sanitizeClass, detail: 'nothing left after cutting the leak' };
    instruction = sanitized.text;
  }
  if (instruction.length < filters.minChars) return { accepted: false, reason: 'too_short', detail: `${instruction.length} < ${filters.minChars} chars` };
  if (instruction.length > filters.maxChars) return { accepted: false, reason: 'too_long', detail: `${instruction.length} > ${filters.maxChars} chars` };
  if (instruction.endsWith(':')) return { accepted: false, reason: 'ends_with_colon' };
  if (filters.requireMath && !looksLikeMath(instruction)) return { accepted: false, reason: 'not_math' };
  return sanitizeClass === undefined ? { accepted: true, instruction } : { accepted: true, instruction, sanitizeClass };
}
