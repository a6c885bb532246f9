import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_WEIGHTS_SHARE, QUANTIZATION_BYTES_PER_PARAM, loadCatalog, type Catalog, type Quantization } from '@magpie/catalog';
import { CHART_DIR, REPO_ROOT } from './repo-paths.js';

/**
 * The files the chart derives from configs/ (Helm reads only files inside the chart): written by
 * `npm run generate-chart-files -w @magpie/deploy`, and a test fails when the committed copies
 * differ from what configs/ gives now.
 */
export const CHART_MODELS_FILE = join(CHART_DIR, 'files/models.json');
export const CHART_NATS_AUTH_FILE = join(CHART_DIR, 'files/nats-authorization.conf');
export const NATS_CONFIG_FILE = join(REPO_ROOT, 'configs/nats/nats-server.conf');

const GENERATED_BY = 'npm run generate-chart-files -w @magpie/deploy';

/** Pre-quantized checkpoints are stored quantized; others (fp8 applied at load) are bf16 on disk. */
const PREQUANTIZED: ReadonlySet<Quantization> = new Set(['modelopt_fp4', 'awq', 'gptq', 'awq_marlin', 'gptq_marlin']);

/** GiB of the model-cache volume: the checkpoint on disk with 15 % room, rounded up to 10 GiB. */
export function modelCacheGiB(serving: { paramsB: number; quantization?: Quantization | undefined }): number {
  const bytes = serving.quantization !== undefined && PREQUANTIZED.has(serving.quantization) ? QUANTIZATION_BYTES_PER_PARAM[serving.quantization] : 2;
  return Math.ceil((serving.paramsB * 1e9 * bytes * 1.15) / 2 ** 30 / 10) * 10;
}

/** files/models.json: every model's serving settings, keyed by id, with the rules the chart re-checks. */
export function chartModels(catalog: Catalog): string {
  const models = Object.fromEntries(
    catalog.models.all().map((m) => [m.id, { reasoning: m.reasoning, serving: m.serving, cacheGiB: modelCacheGiB(m.serving) }]),
  );
  const rewardModels = Object.fromEntries(
    catalog.models.allRewards().map((r) => [r.id, { api: r.api, serving: r.serving, cacheGiB: modelCacheGiB(r.serving) }]),
  );
  const file = {
    $comment: `Generated from configs/models.json by \`${GENERATED_BY}\`; do not edit.`,
    defaultModel: catalog.models.ids[0],
    defaultRewardModel: catalog.models.defaultRewardModel,
    rules: { maxWeightsShare: MAX_WEIGHTS_SHARE, bytesPerParam: { none: 2, ...QUANTIZATION_BYTES_PER_PARAM } },
    models,
    rewardModels,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The `authorization { … }` block of a nats-server config, byte for byte: from the line that opens
 * it to its closing brace. Braces inside strings and comments do not count.
 */
export function authorizationBlock(conf: string): string {
  const opening = /^authorization\s*\{/m.exec(conf);
  if (!opening) throw new Error('no top-level `authorization {` block');
  let depth = 0;
  let quote: string | undefined;
  for (let i = opening.index; i < conf.length; i++) {
    const c = conf[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' || (c === '/' && conf[i + 1] === '/')) i = conf.indexOf('\n', i) === -1 ? conf.length : conf.indexOf('\n', i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return conf.slice(opening.index, i + 1);
  }
  throw new Error('the `authorization {` block is not closed');
}

/** files/nats-authorization.conf: configs/nats's users and permissions, included by the chart's NATS server. */
export function chartNatsAuthorization(conf: string): string {
  return (
    `# Generated from configs/nats/nats-server.conf by \`${GENERATED_BY}\`; do not edit.\n` +
    `# The NATS server of the chart includes it; passwords are $<USER>_NATS_PASS from the users' Secret.\n` +
    `${authorizationBlock(conf)}\n`
  );
}

/** What each generated file should contain now, from configs/. */
export function expectedChartFiles(): ReadonlyMap<string, string> {
  return new Map([
    [CHART_MODELS_FILE, chartModels(loadCatalog(join(REPO_ROOT, 'configs')))],
    [CHART_NATS_AUTH_FILE, chartNatsAuthorization(readFileSync(NATS_CONFIG_FILE, 'utf8'))],
  ]);
}
