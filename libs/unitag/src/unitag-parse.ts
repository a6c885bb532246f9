import { UNITAG_MISSIONS, UNITAG_PROMPT_PARTS, type UnitagMission } from './unitag-prompts.js';
import { UNITAG_ANSWER_SCHEMAS, type UnitagAnswers } from './unitag-schemas.js';

/**
 * How Magpie's unitag.py samples a tag (vLLM SamplingParams): greedy, up to 1024 tokens, stopping
 * at (and keeping) the closing brace, after an assistant turn prefilled with PREFILL.
 */
export const UNITAG_SAMPLING = Object.freeze({
  temperature: 0,
  maxTokens: 1024,
  repetitionPenalty: 1,
  stop: ['}'] as readonly string[],
  includeStopStrInOutput: true,
});

/** The assistant prefill unitag.py appends after the prompt, so the model continues a JSON object. */
export const UNITAG_PREFILL = '{';

/** A unitag prompt found in a text, and the user query it asks about. */
export interface RecognisedUnitagPrompt {
  readonly mission: UnitagMission;
  /** The query between the prompt's code fences. */
  readonly input: string;
}

/**
 * Finds a unitag prompt in `text` (a bare prompt, or one inside a chat template) and returns its
 * mission and query; undefined when there is none.
 */
export function recogniseUnitagPrompt(text: string): RecognisedUnitagPrompt | undefined {
  for (const mission of UNITAG_MISSIONS) {
    const { head, tail } = UNITAG_PROMPT_PARTS[mission];
    // The first line is empty in every prompt; match from the heading so a template may trim it.
    const start = text.indexOf(head.trimStart());
    if (start < 0) continue;
    const from = start + head.trimStart().length;
    const end = text.indexOf(tail.trimEnd(), from);
    if (end < 0) continue;
    return { mission, input: text.slice(from, end) };
  }
  return undefined;
}

/** Thrown when a tag answer is not the JSON its prompt asks for; `cause` says why. */
export class UnitagParseError extends Error {
  override readonly name = 'UnitagParseError';
}

/**
 * Parses a model's tag answer the way unitag.py does: with the prefill, `"{\n" + text.strip()`,
 * cut after the last "}", then JSON, then the mission's schema. Pass `prefilled: false` for an
 * answer that starts with its own "{". Throws UnitagParseError (Magpie sets the fields to None).
 */
export function parseUnitagAnswer<M extends UnitagMission>(mission: M, text: string, options: { prefilled?: boolean } = {}): UnitagAnswers[M] {
  const body = options.prefilled === false ? text.trim() : `${UNITAG_PREFILL}\n${text.trim()}`;
  const close = body.lastIndexOf('}');
  if (close < 0) throw new UnitagParseError(`${mission} answer has no closing brace`);
  let json: unknown;
  try {
    json = JSON.parse(body.slice(0, close + 1));
  } catch (cause) {
    throw new UnitagParseError(`${mission} answer is not JSON`, { cause });
  }
  const parsed = UNITAG_ANSWER_SCHEMAS[mission].safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('; ');
    throw new UnitagParseError(`${mission} answer does not match its schema: ${issues}`, { cause: parsed.error });
  }
  return parsed.data as UnitagAnswers[M];
}
