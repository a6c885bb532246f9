import { answerAgreement, finalAnswerOf, type AnswerChecker } from '@magpie/answers';
import type { AdaptiveSampling, AdaptiveSamplingInfo, FinishReason, TokenUsage } from '@magpie/contracts';

/**
 * True when every one of the first samples has a final answer and all are equivalent. A
 * truncated sample or one without an answer has no vote, so it never lets the sampler stop early.
 */
export function firstSamplesAgree(samples: readonly { readonly response: string; readonly finishReason: FinishReason }[], checker: AnswerChecker): boolean {
  const agreement = answerAgreement(
    samples.map((s) => finalAnswerOf(s.response, s.finishReason)),
    checker,
  );
  return agreement.voted === samples.length && agreement.distinctAnswers === 1;
}

/**
 * What adaptive sampling did for one problem. When it stopped early, the samples it did not draw
 * are estimated at the mean completion tokens of the ones it drew (the prompt is the same and
 * would have been billed once in a single `n` request, so no prompt tokens are saved). When it
 * extended, the extension request's prompt tokens are its extra cost (a cached prefix).
 */
export function adaptiveOutcome(settings: AdaptiveSampling, first: TokenUsage, extension: TokenUsage | undefined): AdaptiveSamplingInfo {
  const { initialSamples, maxSamples } = settings;
  if (extension) return { initialSamples, maxSamples, extended: true, completionTokensSaved: 0, extensionPromptTokens: extension.promptTokens };
  const perSample = first.completionTokens / initialSamples;
  return { initialSamples, maxSamples, extended: false, completionTokensSaved: Math.round((maxSamples - initialSamples) * perSample), extensionPromptTokens: 0 };
}
