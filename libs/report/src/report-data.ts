import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { datasetFileNamesForPrefix, type DatasetInfo } from '@magpie/dataset';
import { ReportError } from './errors.js';
import type { TokenPrices } from './token-prices.js';

/** A count per label, in display order. */
export type Tally = readonly (readonly [label: string, count: number])[];

/** Everything the report shows, read from one dataset directory. */
export interface ReportData {
  readonly info: DatasetInfo;
  /** Records stored per stage (the platform's counts, else what the files hold) against the run's count. */
  readonly stages: Tally;
  readonly rejections: Tally;
  readonly skippedPairs: Tally;
  readonly deadLettered: number;
  /** Every sampled response's reward score. */
  readonly rewardScores: readonly number[];
  /** Chosen minus rejected reward of every emitted pair. */
  readonly margins: readonly number[];
  /** Per problem, the share of samples that agree with the majority answer; undefined when the rows do not record agreement. */
  readonly agreement: readonly number[] | undefined;
  /** Verified SFT solutions and solutions with a verdict; undefined when the rows do not record `verified`. */
  readonly verified: { readonly verified: number; readonly total: number } | undefined;
  /** Per domain, problems by difficulty tag (when problems carry one) or by subtopic. */
  readonly mix: { readonly by: 'difficulty' | 'subtopic'; readonly domains: readonly { readonly domain: string; readonly tally: Tally }[] };
  readonly cost: CostSummary;
}

export interface CostSummary {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly seconds: number;
  readonly acceptedPairs: number;
  /** In the prices' currency; undefined when no price is set. */
  readonly cost: number | undefined;
  readonly prices: TokenPrices;
}

type Row = Record<string, unknown>;

async function* jsonlRows(path: string): AsyncGenerator<Row> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as Row;
}

const count = (tally: Map<string, number>, key: string): void => {
  tally.set(key, (tally.get(key) ?? 0) + 1);
};

const byCount = (tally: ReadonlyMap<string, number> | Readonly<Record<string, number>>): Tally =>
  [...(tally instanceof Map ? tally.entries() : Object.entries(tally))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/** The agreement share a rewards row records, in whichever shape the data-quality fields give it. */
function agreementOf(row: Row): number | undefined {
  const value = row.agreement;
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && typeof (value as Row).share === 'number') return (value as Row).share as number;
  return undefined;
}

/** The order the seed's unitag difficulty levels are shown in. */
const DIFFICULTY_ORDER = ['very easy', 'easy', 'medium', 'hard', 'very hard'];

function mixOf(problems: readonly Row[]): ReportData['mix'] {
  const tagged = problems.some((p) => typeof p.difficulty === 'string');
  const by = tagged ? 'difficulty' : 'subtopic';
  const domains = new Map<string, Map<string, number>>();
  for (const p of problems) {
    const domain = typeof p.domain === 'string' ? p.domain : '-';
    const label = tagged ? p.difficulty : p.subtopic;
    const key = typeof label === 'string' ? label : tagged ? 'untagged' : '-';
    const tally = domains.get(domain) ?? new Map<string, number>();
    domains.set(domain, tally);
    count(tally, key);
  }
  const order = (tally: Map<string, number>): Tally =>
    tagged ? [...tally.entries()].sort((a, b) => DIFFICULTY_ORDER.indexOf(a[0]) - DIFFICULTY_ORDER.indexOf(b[0])) : byCount(tally);
  return { by, domains: [...domains.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([domain, tally]) => ({ domain, tally: order(tally) })) };
}

async function readInfo(dir: string): Promise<DatasetInfo> {
  try {
    return JSON.parse(await readFile(join(dir, 'dataset_info.json'), 'utf8')) as DatasetInfo;
  } catch (cause) {
    throw new ReportError(`${dir} is not a dataset directory: cannot read dataset_info.json`, { cause });
  }
}

/**
 * Reads what the report shows from a dataset directory: dataset_info.json for the counts, and the
 * problem, SFT and preference files for the distributions. Fields the data-quality work adds
 * (`agreement` on preference rows, `verified` on SFT rows, a `difficulty` tag on problems) are
 * used when present. Throws ReportError when the directory holds no dataset.
 */
export async function readReportData(dir: string, prices: TokenPrices): Promise<ReportData> {
  const info = await readInfo(dir);
  const names = datasetFileNamesForPrefix(info.file_prefix);
  const problems = JSON.parse(await readFile(join(dir, names.ins), 'utf8')) as Row[];
  const rewardScores: number[] = [];
  const margins: number[] = [];
  const agreement: number[] = [];
  for await (const row of jsonlRows(join(dir, names.ins5resArmormJsonl))) {
    for (const s of (row.rewards_armorm as { score: number }[] | undefined) ?? []) rewardScores.push(s.score);
    const pair = row.pair as { margin: number; skip_reason: string | null } | undefined;
    if (pair && pair.skip_reason === null) margins.push(pair.margin);
    const share = agreementOf(row);
    if (share !== undefined) agreement.push(share);
  }
  let verified = 0;
  let judged = 0;
  for await (const row of jsonlRows(join(dir, names.insResJsonl))) {
    if (typeof row.verified !== 'boolean') continue;
    judged += 1;
    if (row.verified) verified += 1;
  }
  const records = info.counts?.records;
  const stages: Tally = [
    ['problems', records?.problem ?? problems.length],
    ['solutions', records?.solution ?? 0],
    ['samples', records?.samples ?? 0],
    ['rewards', records?.rewards ?? 0],
  ];
  const promptTokens = Object.values(info.usage).reduce((n, u) => n + u.prompt_tokens, 0);
  const completionTokens = Object.values(info.usage).reduce((n, u) => n + u.completion_tokens, 0);
  const priced = prices.promptPerMillion !== undefined && prices.completionPerMillion !== undefined;
  return {
    info,
    stages,
    rejections: byCount(info.counts?.rejections ?? {}),
    skippedPairs: byCount(info.skipped_pairs),
    deadLettered: info.counts?.dead_lettered ?? 0,
    rewardScores,
    margins,
    agreement: agreement.length > 0 ? agreement : undefined,
    verified: judged > 0 ? { verified, total: judged } : undefined,
    mix: mixOf(problems),
    cost: {
      promptTokens,
      completionTokens,
      seconds: Math.max(0, (Date.parse(info.finished_at) - Date.parse(info.started_at)) / 1000),
      acceptedPairs: info.dataset.pairs_emitted,
      cost: priced ? (promptTokens * (prices.promptPerMillion ?? 0) + completionTokens * (prices.completionPerMillion ?? 0)) / 1e6 : undefined,
      prices,
    },
  };
}
