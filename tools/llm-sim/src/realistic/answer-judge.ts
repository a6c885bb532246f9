import { createAnswerChecker, extractFinalAnswer, normalizeAnswer } from '@magpie/answers';
import { splitReasoning } from '@magpie/llm';

/** How many verdicts a judge remembers: wrong answers cluster, so repeats are common. */
const CACHE_SIZE = 20_000;

/** The simulator's verdict on one response. */
export interface Verdict {
  /** The final answer found in the response (libs/answers' extraction), or undefined. */
  readonly answer: string | undefined;
  readonly correct: boolean;
}

/**
 * Judges responses against a known answer with the platform's own checker (@magpie/answers), so
 * the simulator's verdicts are the ones a user would get. The compute engine is slow on radicals,
 * so equal normal forms are accepted at once and verdicts are cached.
 */
export class AnswerJudge {
  readonly #checker = createAnswerChecker();
  readonly #cache = new Map<string, boolean>();

  /**
   * Whether the final answer of `response` equals `truth` (canonical LaTeX). A response cut off
   * inside its `<think>` block has no answer, as the platform's reasoning split decides.
   */
  judge(truth: string, response: string): Verdict {
    if (splitReasoning(response, undefined).truncatedReasoning) return { answer: undefined, correct: false };
    const answer = extractFinalAnswer(response);
    if (answer === undefined) return { answer, correct: false };
    return { answer, correct: this.equal(truth, answer) };
  }

  equal(truth: string, answer: string): boolean {
    if (normalizeAnswer(answer) === normalizeAnswer(truth)) return true;
    const key = `${truth}\u0000${answer}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const equal = this.#checker.equal(truth, answer);
    if (this.#cache.size >= CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, equal);
    return equal;
  }
}
