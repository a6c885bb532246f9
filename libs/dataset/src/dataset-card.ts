import { stringify } from 'yaml';
import type { DatasetFileNames } from './dataset-file-names.js';
import type { DatasetInfo } from './dataset-info.js';
import { hfFeatures } from './hf-features.js';
import { CARD_CONFIGS, ROW_FILES, ROW_SCHEMAS, type RowKind } from './row-files.js';

/** The config every `load_dataset(dir)` without a name loads. */
export const DEFAULT_CARD_CONFIG = 'sft';

function sizeCategory(rows: number): string {
  if (rows < 1_000) return 'n<1K';
  if (rows < 10_000) return '1K<n<10K';
  if (rows < 100_000) return '10K<n<100K';
  if (rows < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

/** The Parquet file that backs each row kind in the card. */
function parquetFile(names: DatasetFileNames, rows: RowKind): string {
  const spec = ROW_FILES.find((f) => f.rows === rows && f.format === 'parquet');
  if (!spec) throw new Error(`no Parquet file holds ${rows} rows`);
  return names[spec.role];
}

function rowsOf(info: DatasetInfo, names: DatasetFileNames, rows: RowKind): number {
  return info.files.find((f) => f.name === parquetFile(names, rows))?.records ?? 0;
}

/** The card's YAML front matter: configs with their data files and features. */
function frontMatter(info: DatasetInfo, names: DatasetFileNames): string {
  const model = info.stages.generator.model;
  return stringify(
    {
      pretty_name: `Magpie Reasoning ${info.domain} (${model.slice(model.lastIndexOf('/') + 1)})`,
      language: ['en'],
      task_categories: ['text-generation'],
      tags: ['magpie', 'synthetic', 'math', 'reasoning', 'sft', 'dpo'],
      size_categories: [sizeCategory(Math.max(0, ...CARD_CONFIGS.map((c) => rowsOf(info, names, c.rows))))],
      configs: CARD_CONFIGS.map((c) => ({
        config_name: c.name,
        data_files: [{ split: 'train', path: parquetFile(names, c.rows) }],
        ...(c.name === DEFAULT_CARD_CONFIG ? { default: true } : {}),
      })),
      // No `splits`: datasets wants their Arrow size in bytes, which only it can compute; the row counts are in the body.
      dataset_info: CARD_CONFIGS.map((c) => ({ config_name: c.name, features: hfFeatures(ROW_SCHEMAS[c.rows]) })),
    },
    { lineWidth: 0 },
  );
}

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string[] {
  const cell = (v: string | number | boolean | null): string => String(v ?? '–').replaceAll('|', '\\|');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** `key: value` lines of a summary object, nested objects flattened with dotted keys. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, JSON.stringify(value)]];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [[prefix, 'none']] : [];
  return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** The known sections of dataset_info.json; any other object it gains (e.g. a quality summary) is listed after them. */
const KNOWN_INFO_KEYS = new Set<string>([
  'run_id', 'domain', 'subtopics', 'problems_per_subtopic', 'status', 'reason', 'complete', 'note', 'platform', 'started_at', 'finished_at',
  'count', 'samples_per_problem', 'reward_model', 'seed', 'file_prefix', 'timestamp', 'stages', 'filters', 'counts', 'dataset',
  'skipped_pairs', 'usage', 'files',
]);

function qualitySummary(info: DatasetInfo): string[] {
  const sections: [string, unknown][] = [
    ['Records per stage, dead letters and rejected instructions (the platform\'s counts)', info.counts ?? 'not reported (the gateway could not be asked)'],
    ['What the files hold', info.dataset],
    ['Skipped preference pairs by reason', info.skipped_pairs],
    ['Problems per subtopic', info.problems_per_subtopic],
    ...Object.entries(info as unknown as Record<string, unknown>).filter(([key]) => !KNOWN_INFO_KEYS.has(key)),
  ];
  return sections.flatMap(([title, value]) => [`**${title}**`, '', ...(typeof value === 'string' ? [value] : table(['measure', 'value'], flatten(value))), '']);
}

/**
 * The dataset card, `README.md`: YAML front matter that `datasets.load_dataset(<dir>)` reads (a
 * config per row kind over its Parquet file, with features and row counts), then the run, its
 * models and sampling, the quality summary and how to load the files.
 */
export function buildDatasetCard(info: DatasetInfo, names: DatasetFileNames): string {
  const s = info.stages;
  const stageRows = (['generator', 'solver', 'sampler'] as const).map((stage) => [stage, s[stage].model, s[stage].temperature, s[stage].top_p, s[stage].max_tokens]);
  const usageRows = (['generator', 'solver', 'sampler'] as const).map((stage) => [stage, info.usage[stage].prompt_tokens, info.usage[stage].completion_tokens]);
  const configRows = CARD_CONFIGS.map((c) => [`\`${c.name}\``, `\`${parquetFile(names, c.rows)}\``, rowsOf(info, names, c.rows), c.description]);
  return [
    '---',
    frontMatter(info, names).trimEnd(),
    '---',
    '',
    `# Magpie Reasoning: ${info.domain}, ${info.count} problems`,
    '',
    `Generated by ${info.platform.name} ${info.platform.version} with the Magpie method: run \`${info.run_id}\`, ${info.status}` +
      `${info.complete ? ', complete' : ` (${info.note})`}, from ${info.started_at} to ${info.finished_at}, seed ${info.seed}.`,
    '',
    '## Configs',
    '',
    ...table(['config', 'file', 'rows', 'holds'], configRows),
    '',
    `Magpie's own files (\`${info.file_prefix}_ins.json\` …), JSON Lines copies and \`dataset_info.json\` are beside them.`,
    '',
    '## Models and sampling',
    '',
    ...table(['stage', 'model', 'temperature', 'top_p', 'max_tokens'], stageRows),
    '',
    `Samples per problem: ${info.samples_per_problem}. Reward model: \`${s.reward.model}\`, pair rule \`${s.reward.pair_rule}\`, minimum margin ${s.reward.min_reward_margin}.`,
    '',
    '## Quality summary',
    '',
    ...qualitySummary(info),
    '## Tokens',
    '',
    ...table(['stage', 'prompt tokens', 'completion tokens'], usageRows),
    '',
    '## Loading',
    '',
    '```python',
    'from datasets import load_dataset',
    `sft = load_dataset("path/to/this/directory", "${DEFAULT_CARD_CONFIG}", split="train")`,
    `pairs = load_dataset("path/to/this/directory", "preference", split="train")`,
    '# several runs at once: the Parquet files share one explicit schema',
    'both = load_dataset("parquet", data_files=["run1/…_ins_res.parquet", "run2/…_ins_res.parquet"], split="train")',
    '```',
    '',
    'JSON Lines files carry the same types (floats are always written as floats). A field that is null in every row of one',
    "file (e.g. `pair.skip_reason` when no pair was skipped) has no type in JSON, so pass this card's features when loading",
    'the JSON Lines of several runs: `load_dataset("json", data_files=[…], features=load_dataset_builder(dir, "sft").info.features)`.',
    '',
  ].join('\n');
}
