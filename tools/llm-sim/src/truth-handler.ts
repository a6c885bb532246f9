import { BadRequestError } from './errors.js';
import type { AnswerJudge } from './realistic/answer-judge.js';
import { parseRequest, TruthRequest } from './request-schemas.js';
import type { SimContext } from './sim-context.js';

/**
 * POST /sim/truth: what the simulator knows about each problem text — kind, true answer (canonical
 * LaTeX), difficulty, domain, subtopic, family, the text's own defects — and, when a response is
 * given for a problem, the simulator's verdict on it (the answer it found and whether it is right,
 * by @magpie/answers). Simulator-only, like /sim/stats: tests and benchmarks measure correctness
 * with it instead of re-implementing the solver. Throws BadRequestError.
 */
export function handleTruth(ctx: SimContext, judge: AnswerJudge, body: unknown): object {
  const req = parseRequest(TruthRequest, body);
  if (req.responses !== undefined && req.responses.length !== req.problems.length) {
    throw new BadRequestError(`invalid request: responses: expected ${req.problems.length} entries (one per problem), got ${req.responses.length}`);
  }
  const data = req.problems.map((text, index) => {
    const { known: _known, ...truth } = ctx.truth.truth(text);
    const response = req.responses?.[index];
    const verdict = response === undefined || response === null ? undefined : truth.answer === null ? { answer: null, correct: null } : judgeOne(judge, truth.answer, response);
    return { index, ...truth, ...(verdict ? { verdict } : {}) };
  });
  return { object: 'list', data };
}

function judgeOne(judge: AnswerJudge, truth: string, response: string): { answer: string | null; correct: boolean } {
  const v = judge.judge(truth, response);
  return { answer: v.answer ?? null, correct: v.correct };
}
