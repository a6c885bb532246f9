import type { Catalog } from '@magpie/catalog';
import { splitReasoning } from '@magpie/llm';
import { approxTokens, truncateToTokens } from '../approx-tokens.js';
import { DIFFICULTIES } from '../families/family-types.js';
import { RealisticRegistry } from '../families/realistic-registry.js';
import { ProblemRegistry } from '../problems/problem-registry.js';
import { Rng } from '../rng.js';
import { AnswerJudge } from './answer-judge.js';
import { writeRealisticAnswer } from './answer-writer.js';
import { writeMagpieInstruction, type WrittenInstruction } from './magpie-problem-writer.js';
import { modelProfile } from './model-profiles.js';
import { TruthService } from './problem-truth.js';
import { DEFAULT_REALISM, type RealismSettings } from './realism-settings.js';
import { RewardModel } from './reward-model.js';
import { cosine, TextEmbedder } from './text-embedding.js';
import { ThinkingLength } from './thinking-length.js';

export interface MeasurementOptions {
  readonly catalog: Catalog;
  /** Instructions written per domain (the skeleton count is per this many). */
  readonly perDomain: number;
  /** Math problems answered by each model (spread over the domains). */
  readonly answered: number;
  readonly seed: number;
  readonly strongModel: string;
  readonly weakModel: string;
  /** Sampling temperature of the answers. */
  readonly temperature: number;
  /** max_tokens of the answers (the truncation share is measured at it). */
  readonly maxTokens: number;
  readonly settings?: Partial<RealismSettings>;
}

export interface ModelAccuracy {
  readonly model: string;
  readonly overall: number;
  /** Accuracy at difficulty 1..5 (NaN when no problem of that level was answered). */
  readonly byDifficulty: readonly number[];
  readonly samples: number;
  readonly truncatedShare: number;
}

export interface RealismMeasurement {
  readonly instructions: number;
  readonly skeletonsPerDomain: Readonly<Record<string, number>>;
  readonly shares: { readonly offDomain: number; readonly nonMath: number; readonly incomplete: number; readonly trailingColon: number; readonly answerLeak: number };
  readonly strong: ModelAccuracy;
  readonly weak: ModelAccuracy;
  /** The truncation share the settings predict for the strong model's samples. */
  readonly expectedTruncatedShare: number;
  /** AUROC of the reward between right and wrong answers, over the samples that have an answer (not cut off). */
  readonly rewardAuroc: number;
  /** The same over every sample, truncated ones (no answer, scored as wrong) included. */
  readonly rewardAurocWithTruncated: number;
  readonly rewardAurocSetting: number;
  /** Share of samples on which the truth service's verdict equals the writer's own. */
  readonly truthAgreement: number;
  readonly embedding: { readonly twinMin: number; readonly twinMean: number; readonly unrelatedMean: number; readonly unrelatedP99: number };
}

/** AUROC by the rank-sum formula: P(score of a positive > score of a negative), ties counted half. */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]?.s === all[i]?.s) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k]?.p === 1) rankSum += rank;
    i = j;
  }
  const n1 = positives.length;
  const n0 = negatives.length;
  return n1 === 0 || n0 === 0 ? Number.NaN : (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** A text with its first number changed by one: a near-twin of the original. */
function twinOf(text: string): string | undefined {
  const m = /\d+/.exec(text);
  if (!m || m.index === undefined) return undefined;
  return `${text.slice(0, m.index)}${Number(m[0]) + 1}${text.slice(m.index + m[0].length)}`;
}

/**
 * Measures the realistic profile in-process, exactly as the HTTP handlers write and score: Magpie
 * instructions steered over every subtopic, one answer per math problem from a strong reasoning
 * model and a weak one, the reward model's AUROC on the strong model's samples, the truth
 * service's agreement with the writer's own verdicts, and embedding cosines of near-twins.
 */
export function measureRealism(o: MeasurementOptions): RealismMeasurement {
  const settings: RealismSettings = { ...DEFAULT_REALISM, ...o.settings };
  const registry = new RealisticRegistry();
  const truth = new TruthService(registry, new ProblemRegistry());
  const judge = new AnswerJudge();
  const thinking = new ThinkingLength(settings);
  const reward = new RewardModel(settings, o.seed);
  const rng = new Rng(o.seed);
  const written: { steered: string; w: WrittenInstruction }[] = [];
  const skeletonsPerDomain: Record<string, number> = {};
  for (const domain of o.catalog.domains.all()) {
    const skeletons = new Set<string>();
    for (let i = 0; i < o.perDomain; i++) {
      const subtopic = domain.subtopics[i % domain.subtopics.length];
      const w = writeMagpieInstruction({ registry, domains: o.catalog.domains, topic: { domain: domain.name, subtopic: subtopic?.name }, settings, rng });
      skeletons.add(w.text.replace(/\d+/g, '#'));
      written.push({ steered: domain.name, w });
    }
    skeletonsPerDomain[domain.name] = skeletons.size;
  }
  const math = written.flatMap(({ steered, w }) => (w.kind === 'math' ? [{ steered, w }] : []));
  const share = (pred: (x: (typeof written)[number]) => boolean): number => written.filter(pred).length / written.length;
  const shares = {
    offDomain: math.filter((x) => x.w.offDomain).length / math.length,
    nonMath: share((x) => x.w.kind === 'non_math'),
    incomplete: share((x) => x.w.kind === 'incomplete'),
    trailingColon: share((x) => x.w.kind === 'incomplete' || (x.w.kind === 'math' && x.w.defect === 'trailing_colon')),
    answerLeak: share((x) => x.w.kind === 'math' && x.w.defect === 'answer_leak'),
  };
  const stride = Math.max(1, Math.floor(math.length / o.answered));
  const chosen = math.filter((_, i) => i % stride === 0).slice(0, o.answered);

  const answerAll = (modelId: string) => {
    const entry = o.catalog.models.get(modelId);
    const ability = modelProfile(modelId, entry.reasoning).ability;
    return chosen.map(({ w }) => {
      const problem = w.kind === 'math' ? w.problem : undefined;
      const a = writeRealisticAnswer({ question: w.text, known: problem, offTask: undefined, modelId, ability, reasoning: entry.reasoning, temperature: o.temperature, maxTokens: o.maxTokens, settings, thinking, rng, judge });
      // What the client receives: cut at max_tokens, as the handlers' stop rules cut it.
      const output = approxTokens(a.text) > o.maxTokens ? truncateToTokens(a.text, o.maxTokens) : a.text;
      return { a, output, difficulty: problem?.difficulty ?? 1, truncated: output !== a.text, text: w.text };
    });
  };
  const accuracy = (modelId: string, samples: ReturnType<typeof answerAll>): ModelAccuracy => ({
    model: modelId,
    overall: samples.filter((s) => s.a.correct).length / samples.length,
    byDifficulty: DIFFICULTIES.map((d) => {
      const at = samples.filter((s) => s.difficulty === d);
      return at.length === 0 ? Number.NaN : at.filter((s) => s.a.correct).length / at.length;
    }),
    samples: samples.length,
    truncatedShare: samples.filter((s) => s.truncated).length / samples.length,
  });
  const strongSamples = answerAll(o.strongModel);
  const weakSamples = answerAll(o.weakModel);

  const right: number[] = [];
  const wrong: number[] = [];
  const truncatedScores: number[] = [];
  let agree = 0;
  for (const s of strongSamples) {
    // The platform scores the answer after the thinking, as the sampler stores it.
    const response = splitReasoning(s.output, undefined).response;
    const known = truth.truth(s.text);
    const verdict = known.answer === null ? undefined : judge.judge(known.answer, s.output).correct;
    if (verdict === s.a.correct) agree++;
    const score = reward.score({ correct: verdict, response, text: `user: ${s.text}\nassistant: ${response}` });
    if (s.truncated) truncatedScores.push(score);
    else (s.a.correct ? right : wrong).push(score);
  }

  const embedder = new TextEmbedder();
  const sample = chosen.slice(0, 300).map((c) => c.w.text);
  const twins = sample.flatMap((t) => {
    const twin = twinOf(t);
    return twin ? [cosine(embedder.embed(t, 768), embedder.embed(twin, 768))] : [];
  });
  const vectors = sample.map((t) => embedder.embed(t, 768));
  const unrelated: number[] = [];
  for (let i = 0; i + 1 < vectors.length; i += 2) {
    const [a, b] = [chosen[i]?.w, chosen[i + 1]?.w];
    if (a?.kind === 'math' && b?.kind === 'math' && a.problem.family !== b.problem.family) unrelated.push(cosine(vectors[i] ?? [], vectors[i + 1] ?? []));
  }
  unrelated.sort((x, y) => x - y);
  return {
    instructions: written.length,
    skeletonsPerDomain,
    shares,
    strong: accuracy(o.strongModel, strongSamples),
    weak: accuracy(o.weakModel, weakSamples),
    expectedTruncatedShare: thinking.expectedShare(strongSamples.map((s) => s.difficulty), o.maxTokens),
    rewardAuroc: auroc(right, wrong),
    rewardAurocWithTruncated: auroc(right, [...wrong, ...truncatedScores]),
    rewardAurocSetting: settings.rewardAuroc,
    truthAgreement: agree / strongSamples.length,
    embedding: {
      twinMin: Math.min(...twins),
      twinMean: twins.reduce((a, b) => a + b, 0) / twins.length,
      unrelatedMean: unrelated.reduce((a, b) => a + b, 0) / unrelated.length,
      unrelatedP99: unrelated[Math.floor(unrelated.length * 0.99)] ?? Number.NaN,
    },
  };
}
