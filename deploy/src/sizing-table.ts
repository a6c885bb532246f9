import { gpusPerReplica, loadCatalog, weightsGiB, type Catalog, type ModelEntry, type VllmServing } from '@magpie/catalog';
import { A100_32B_TIMING, decodeMsPerToken, type TimingParams } from '@magpie/llm-sim';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-paths.js';

/**
 * deploy/README.md's sizing table: GPUs per stage replica from each model's serving settings, and
 * problems per hour from the simulator's A100 timing model (tools/llm-sim, A100_32B_TIMING), under
 * the assumptions below, which the README states.
 */
export const SIZING_ASSUMPTIONS = Object.freeze({
  /** Output tokens of one instruction, and attempts per kept problem (the generator asks again for filtered ones). */
  instructionTokens: 150,
  attemptsPerProblem: 1.5,
  /** Output tokens of one answer: a reasoning trace plus answer, or a plain step-by-step solution. */
  reasoningAnswerTokens: 4000,
  plainAnswerTokens: 600,
  samplesPerProblem: 5,
  /** Prompt tokens: the pre-query template with its steering prompt; a problem in a chat template. */
  generatorPromptTokens: 100,
  answerPromptTokens: 200,
  /** The simulator's figures are for a 32B bf16 model on one A100 80GB: 65.6 GB of weights read per decode step. */
  referenceWeightsGiBPerGpu: (32.8e9 * 2) / 2 ** 30,
  referenceParamsBPerGpu: 32.8,
});

/**
 * The simulator's timing scaled to a model: the fixed part of each decode step reads the weights
 * (memory bound: scales with weight bytes per GPU), prefill is compute bound (parameters per GPU);
 * the per-sequence part is kept as measured.
 */
export function scaledTiming(serving: Pick<VllmServing, 'paramsB' | 'dtype' | 'quantization' | 'tensorParallelSize' | 'maxNumSeqs'>, base: TimingParams = A100_32B_TIMING): TimingParams {
  const a = SIZING_ASSUMPTIONS;
  const gpus = serving.tensorParallelSize;
  return {
    maxNumSeqs: serving.maxNumSeqs,
    decodeBaseMs: base.decodeBaseMs * (weightsGiB(serving) / gpus / a.referenceWeightsGiBPerGpu),
    decodeMsPerRunningSeq: base.decodeMsPerRunningSeq,
    prefillMsPerToken: base.prefillMsPerToken * (serving.paramsB / gpus / a.referenceParamsBPerGpu),
  };
}

/** Problems per hour one replica finishes when every slot is busy with sequences of this shape. */
function problemsPerHour(t: TimingParams, promptTokens: number, outputTokens: number, sequencesPerProblem: number): number {
  const msPerSequence = promptTokens * t.prefillMsPerToken + outputTokens * decodeMsPerToken(t, t.maxNumSeqs);
  return (t.maxNumSeqs * 3_600_000) / msPerSequence / sequencesPerProblem;
}

export interface SizingRow {
  readonly model: string;
  readonly gpusPerReplica: number;
  /** One replica of generator, solver and sampler with this model, plus one ArmoRM GPU. */
  readonly gpusPerPipeline: number;
  readonly generator: number;
  readonly solver: number;
  readonly sampler: number;
  readonly reward: number;
  /** Problems per hour with one replica per stage: the slowest stage's rate. */
  readonly pipeline: number;
  /** Needs more than one node per replica: not servable by the chart's sidecars. */
  readonly multiNode: boolean;
}

export function sizingRow(model: ModelEntry, catalog: Catalog): SizingRow {
  const a = SIZING_ASSUMPTIONS;
  const t = scaledTiming(model.serving);
  const answerTokens = model.reasoning ? a.reasoningAnswerTokens : a.plainAnswerTokens;
  const generator = problemsPerHour(t, a.generatorPromptTokens, a.instructionTokens, a.attemptsPerProblem);
  const solver = problemsPerHour(t, a.answerPromptTokens, answerTokens, 1);
  const sampler = problemsPerHour(t, a.answerPromptTokens, answerTokens, a.samplesPerProblem);
  const armorm = catalog.models.getReward(catalog.models.defaultRewardModel).serving;
  // The reward model only reads: each sample is one prefill of prompt plus answer.
  const rewardTiming = scaledTiming({ ...armorm, tensorParallelSize: 1, maxNumSeqs: 1 });
  const reward = 3_600_000 / (a.samplesPerProblem * (a.answerPromptTokens + answerTokens) * rewardTiming.prefillMsPerToken);
  const gpus = gpusPerReplica(model.serving);
  return {
    model: model.id,
    gpusPerReplica: gpus,
    gpusPerPipeline: 3 * gpus + 1,
    generator,
    solver,
    sampler,
    reward,
    pipeline: Math.min(generator, solver, sampler, reward),
    multiNode: gpus > 8,
  };
}

/** Two significant figures, with thousands separators: these are estimates. */
function estimate(n: number): string {
  const digits = Math.max(0, Math.floor(Math.log10(n)) - 1);
  return (Math.round(n / 10 ** digits) * 10 ** digits).toLocaleString('en-US');
}

export function sizingTable(catalog: Catalog = loadCatalog(join(REPO_ROOT, 'configs'))): string {
  const lines = [
    '| model | GPUs per replica | GPUs, one replica per stage | generator problems/h | solver problems/h | sampler problems/h | reward problems/h | pipeline problems/h |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const model of catalog.models.all()) {
    const r = sizingRow(model, catalog);
    if (r.multiNode) {
      lines.push(`| \`${r.model}\` | ${r.gpusPerReplica} (two nodes) | – | – | – | – | – | serve outside the chart (\`backend.mode: external\`) |`);
      continue;
    }
    const cells = [r.generator, r.solver, r.sampler, r.reward, r.pipeline].map(estimate);
    lines.push(`| \`${r.model}\` | ${r.gpusPerReplica} | ${r.gpusPerPipeline} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const START = '<!-- sizing-table:start (generated: npm run generate-chart-files -w @magpie/deploy) -->';
const END = '<!-- sizing-table:end -->';

/** The README with its sizing table regenerated between the markers. */
export function readmeWithSizingTable(readme: string, table: string = sizingTable()): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`deploy/README.md lacks the sizing table markers ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
