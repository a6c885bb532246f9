import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { measureRealism } from './realistic/realism-measurement.js';

// `npm run measure -w @magpie/llm-sim [-- --per-domain 1000 --answered 2400 --seed 1234]`: prints
// what the realistic profile does at its defaults (the numbers the README quotes). A measurement,
// not a test; realism-measurement.test.ts asserts the same quantities.
const { values } = parseArgs({
  options: {
    'per-domain': { type: 'string', default: '1000' },
    answered: { type: 'string', default: '2400' },
    seed: { type: 'string', default: '1234' },
    'max-tokens': { type: 'string', default: '16384' },
    temperature: { type: 'string', default: '0.8' },
    strong: { type: 'string', default: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B' },
    weak: { type: 'string', default: 'meta-llama/Meta-Llama-3-8B-Instruct' },
  },
});
const started = performance.now();
const m = measureRealism({
  catalog: loadCatalog(DEFAULT_CONFIG_DIR),
  perDomain: Number(values['per-domain']),
  answered: Number(values.answered),
  seed: Number(values.seed),
  maxTokens: Number(values['max-tokens']),
  temperature: Number(values.temperature),
  strongModel: values.strong,
  weakModel: values.weak,
});
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const lines = [
  `instructions written: ${m.instructions} (${values['per-domain']} per domain), problems answered per model: ${m.strong.samples}, temperature ${values.temperature}, max_tokens ${values['max-tokens']}`,
  `number-masked skeletons per domain: ${Object.entries(m.skeletonsPerDomain).map(([d, n]) => `${d} ${n}`).join(', ')}`,
  `off-domain ${pct(m.shares.offDomain)} of math problems; non-math ${pct(m.shares.nonMath)}, trailing ':' ${pct(m.shares.trailingColon)} (${pct(m.shares.incomplete)} with no problem at all), answer leaked ${pct(m.shares.answerLeak)} of instructions`,
  ...[m.strong, m.weak].map((a) => `accuracy ${a.model}: overall ${pct(a.overall)}; by difficulty 1-5: ${a.byDifficulty.map(pct).join(', ')}; truncated ${pct(a.truncatedShare)}`),
  `truncation share of ${m.strong.model} at max_tokens ${values['max-tokens']}: ${pct(m.strong.truncatedShare)} (the settings predict ${pct(m.expectedTruncatedShare)})`,
  `reward AUROC right vs wrong: ${m.rewardAuroc.toFixed(3)} (setting ${m.rewardAurocSetting}); with truncated samples counted as wrong ${m.rewardAurocWithTruncated.toFixed(3)}`,
  `truth service agrees with the writer's own verdicts on ${pct(m.truthAgreement)} of samples`,
  `embedding cosine: near-twins (one number changed) min ${m.embedding.twinMin.toFixed(3)} mean ${m.embedding.twinMean.toFixed(3)}; unrelated problems mean ${m.embedding.unrelatedMean.toFixed(3)}, 99th percentile ${m.embedding.unrelatedP99.toFixed(3)}`,
  `took ${((performance.now() - started) / 1000).toFixed(1)} s`,
];
console.log(lines.join('\n'));
