import { InvalidArgumentError, Option, type Command } from 'commander';
import { DatasetName, DecontaminationMode, DifficultyLevel, QualityLevel } from '@magpie/contracts';
import { parsePositiveInt, parseUnitInterval } from '../parse-options.js';
import type { DataQualityOverrides } from '../run/data-quality-request.js';

/** The data-quality flags as commander parses them. */
export interface DataQualityFlags {
  readonly dataset?: string;
  readonly maskValues?: boolean;
  readonly embeddingDedup?: string;
  readonly embeddingThreshold?: number;
  readonly decontaminate?: DecontaminationMode;
  readonly decontaminationNgram?: number;
  readonly tags?: boolean;
  readonly taggerModel?: string;
  /** `any`: no minimum. */
  readonly minQuality?: QualityLevel | 'any';
  readonly minDifficulty?: DifficultyLevel | 'any';
  readonly minReward?: number;
}

function parseDataset(value: string): string {
  const parsed = DatasetName.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('Letters, digits, "-" and "_" only, at most 64.');
  return parsed.data;
}

/** A level written with '-' for its spaces ("very-easy"), or `any` for no minimum. */
function levelParser<L extends string>(levels: readonly L[]): (value: string) => L | 'any' {
  return (value) => {
    const level = value.trim().toLowerCase().replace(/-/g, ' ');
    if (level === 'any') return 'any';
    if ((levels as readonly string[]).includes(level)) return level as L;
    throw new InvalidArgumentError(`One of any, ${levels.map((l) => l.replace(/ /g, '-')).join(', ')}.`);
  };
}

function parseFinite(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('Not a number.');
  return parsed;
}

/** Adds the flags for cross-run dedup, decontamination and the tags stage (issue 12). */
export function addDataQualityFlags(command: Command): Command {
  return command
    .addOption(new Option('--dataset <name>', 'deduplicate against every earlier run naming this dataset (default: within the run only)').argParser(parseDataset))
    .option('--mask-values', 'mask numbers and names before MinHash, so problems differing only in them are near duplicates')
    .addOption(new Option('--embedding-dedup <model>', "also compare embeddings from the backend's /v1/embeddings (e.g. sentence-transformers/all-mpnet-base-v2)"))
    .addOption(new Option('--embedding-threshold <x>', 'cosine at which two problems are near duplicates (default 0.975)').argParser(parseUnitInterval))
    .addOption(new Option('--decontaminate <mode>', "flag or remove problems sharing an n-gram with the generator's benchmark files (default off)").choices(DecontaminationMode.options))
    .addOption(new Option('--decontamination-ngram <n>', 'words per n-gram for decontamination (default 13)').argParser(parsePositiveInt))
    .option('--tags', "run the tags stage: Magpie's unitag difficulty, input quality and task category for every problem")
    .option('--tagger-model <id>', 'the tagging model (default meta-llama/Meta-Llama-3-8B-Instruct)')
    .addOption(new Option('--min-quality <level>', 'training exports keep input quality at least this (default good; any keeps all)').argParser(levelParser(QualityLevel.options)))
    .addOption(new Option('--min-difficulty <level>', 'training exports keep difficulty at least this (default medium; any keeps all)').argParser(levelParser(DifficultyLevel.options)))
    .addOption(new Option('--min-reward <x>', 'DPO export keeps pairs whose chosen reward is at least x (default: no minimum)').argParser(parseFinite));
}

/** The overrides the flags ask for; undefined when none was given. */
export function dataQualityOverrides(flags: DataQualityFlags): DataQualityOverrides | undefined {
  const overrides: DataQualityOverrides = {
    ...(flags.dataset === undefined ? {} : { dataset: flags.dataset }),
    ...(flags.maskValues === undefined ? {} : { maskValues: flags.maskValues }),
    ...(flags.embeddingDedup === undefined ? {} : { embeddingModel: flags.embeddingDedup }),
    ...(flags.embeddingThreshold === undefined ? {} : { embeddingThreshold: flags.embeddingThreshold }),
    ...(flags.decontaminate === undefined ? {} : { decontamination: flags.decontaminate }),
    ...(flags.decontaminationNgram === undefined ? {} : { decontaminationNgram: flags.decontaminationNgram }),
    ...(flags.tags === undefined ? {} : { tags: flags.tags }),
    ...(flags.taggerModel === undefined ? {} : { taggerModel: flags.taggerModel }),
    ...(flags.minQuality === undefined ? {} : { minQuality: flags.minQuality === 'any' ? null : flags.minQuality }),
    ...(flags.minDifficulty === undefined ? {} : { minDifficulty: flags.minDifficulty === 'any' ? null : flags.minDifficulty }),
    ...(flags.minReward === undefined ? {} : { minReward: flags.minReward }),
  };
  return Object.keys(overrides).length > 0 ? overrides : undefined;
}
