import { Option, type Command } from 'commander';
import { PairRule } from '@magpie/contracts';
import type { TokenPrices } from '@magpie/report';
import type { CliConfig } from '../config.js';
import {
  parseList,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parsePositiveInt,
  parseUnitInterval,
} from '../parse-options.js';
import type { GatewayAccessFlags } from '../run/gateway-client-options.js';
import type { FilterOverrides, QualityOverrides, RunRequest } from '../run/start-run-request.js';
import { addDataQualityFlags, dataQualityOverrides, type DataQualityFlags } from './data-quality-flags.js';
import { addGatewayFlags, type GatewayFlags } from './gateway-flags.js';

export { addGatewayFlags, DEFAULT_WAIT_MS, type GatewayFlags } from './gateway-flags.js';

/** The default generator (and solver and sampler) model of every run command. */
export const DEFAULT_MODEL = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';

/** The default samples per problem (Magpie's `--num_samples 5`). */
export const DEFAULT_SAMPLES_PER_PROBLEM = 5;

/** The report's token prices, as commander parses them. */
export interface PriceFlags {
  readonly promptPrice?: number;
  readonly completionPrice?: number;
  readonly currency: string;
}

/** Adds --prompt-price, --completion-price and --currency (the report's cost per accepted pair), with their MAGPIE_* defaults. */
export function addPriceFlags(command: Command, config: CliConfig): Command {
  return command
    .addOption(new Option('--prompt-price <x>', 'price per million prompt tokens, for the report (env MAGPIE_PROMPT_PRICE)').argParser(parseNonNegativeNumber).default(config.promptPrice))
    .addOption(
      new Option('--completion-price <x>', 'price per million completion tokens, for the report (env MAGPIE_COMPLETION_PRICE)').argParser(parseNonNegativeNumber).default(config.completionPrice),
    )
    .option('--currency <code>', 'currency of the prices (env MAGPIE_PRICE_CURRENCY)', config.priceCurrency);
}

/** The report's prices from the flags. */
export function tokenPrices(flags: PriceFlags): TokenPrices {
  return {
    ...(flags.promptPrice === undefined ? {} : { promptPerMillion: flags.promptPrice }),
    ...(flags.completionPrice === undefined ? {} : { completionPerMillion: flags.completionPrice }),
    currency: flags.currency,
  };
}

/** The flags every run command shares, as commander parses them. */
export interface RunFlags extends GatewayFlags, PriceFlags, DataQualityFlags {
  readonly out: string;
  /** False with --no-report: no report.html beside the dataset. */
  readonly report: boolean;
  readonly seed?: number;
  readonly subtopics?: string[];
  readonly samplesPerProblem: number;
  readonly rewardModel?: string;
  readonly pairRule?: PairRule;
  readonly minRewardMargin?: number;
  readonly nearDuplicateThreshold?: number;
  readonly sanitize?: boolean;
  readonly minChars?: number;
  readonly maxChars?: number;
  readonly requestId?: string;
  readonly stylePairs?: boolean;
  readonly verifyShare?: number;
  readonly adaptiveSampling?: boolean;
  readonly keepUnverified?: boolean;
}

/** A run request plus where to write it and which gateway to ask: what every run command resolves to. */
export interface RunCommandOptions extends RunRequest, GatewayAccessFlags {
  readonly out: string;
  readonly gateway: string;
  readonly waitMs: number;
  /** Write report.html beside the dataset. */
  readonly report: boolean;
  readonly prices: TokenPrices;
}

/**
 * Adds the flags shared by `run`, `generate-domain`, `generate-all` and `menu`. `subtopics` is
 * left out for commands that run several domains, whose subtopics differ.
 */
export function addRunFlags(command: Command, config: CliConfig, { subtopics = true } = {}): Command {
  command.option('--out <dir>', 'parent directory of the dataset directories (env MAGPIE_OUT_DIR)', config.outDir);
  addGatewayFlags(command, config)
    .addOption(new Option('--seed <n>', 'base seed; the gateway picks one when omitted').argParser(parseNonNegativeInt))
    .option(
      '--request-id <id>',
      'idempotency key: rerunning with the same id attaches to the run it started and rewrites its complete dataset (default: a new id)',
    );
  if (subtopics) {
    command.addOption(new Option('--subtopics <a,b>', 'subtopics to steer towards').argParser(parseList).default([], "all of the domain's"));
  }
  command
    .addOption(
      new Option('--samples-per-problem <n>', 'sampled responses per problem').argParser(parsePositiveInt).default(DEFAULT_SAMPLES_PER_PROBLEM),
    )
    .option('--reward-model <id>', "reward model (default: the gateway's default)")
    .addOption(
      new Option(
        '--pair-rule <rule>',
        "how the reward stage picks chosen/rejected: correctness (default: chosen has the strict-majority answer, rejected a different one) or magpie (Magpie's max/min reward)",
      ).choices(PairRule.options),
    )
    .option('--style-pairs', 'correctness rule: keep a pair when every sample agrees, marked as a style pair (default: skip it as all_agree)')
    .addOption(
      new Option('--verify-share <x>', 'share in (0, 1] of the samples that must agree with the SFT answer for it to be verified (default 0.6 = 3 of 5)').argParser(
        parseUnitInterval,
      ),
    )
    .option('--adaptive-sampling', 'draw 3 samples per problem and 5 more only when their answers do not all agree')
    .option('--keep-unverified', 'also put unverified solutions and pairs into the messages, ShareGPT and DPO exports (_ins_res keeps every one anyway)')
    .addOption(
      new Option('--min-reward-margin <x>', 'skip pairs whose chosen-minus-rejected reward is below x (default 0)').argParser(parseNonNegativeNumber),
    )
    .addOption(
      new Option('--near-duplicate-threshold <x>', 'similarity in (0, 1] at which a problem is a near duplicate; 1 = exact only').argParser(
        parseUnitInterval,
      ),
    )
    .option('--sanitize', "cut leaked answers from instructions (Magpie's --sanitize)")
    .option('--no-sanitize', 'turn the sanitize filter off')
    .addOption(new Option('--min-chars <n>', 'reject shorter instructions').argParser(parsePositiveInt))
    .addOption(new Option('--max-chars <n>', 'reject longer instructions').argParser(parsePositiveInt))
    .option('--no-report', 'do not write report.html beside the dataset');
  return addPriceFlags(addDataQualityFlags(command), config);
}

function qualityOverrides(flags: RunFlags): QualityOverrides | undefined {
  const quality: QualityOverrides = {
    ...(flags.verifyShare === undefined ? {} : { verifyShare: flags.verifyShare }),
    ...(flags.stylePairs === undefined ? {} : { stylePairs: flags.stylePairs }),
    ...(flags.adaptiveSampling === undefined ? {} : { adaptiveSampling: flags.adaptiveSampling }),
    ...(flags.keepUnverified === undefined ? {} : { keepUnverified: flags.keepUnverified }),
  };
  return Object.keys(quality).length > 0 ? quality : undefined;
}

function filterOverrides(flags: RunFlags): FilterOverrides | undefined {
  const filters: FilterOverrides = {
    ...(flags.minChars === undefined ? {} : { minChars: flags.minChars }),
    ...(flags.maxChars === undefined ? {} : { maxChars: flags.maxChars }),
    ...(flags.nearDuplicateThreshold === undefined ? {} : { nearDuplicateThreshold: flags.nearDuplicateThreshold }),
    ...(flags.sanitize === undefined ? {} : { sanitize: flags.sanitize }),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** What a run command decided beyond the shared flags: the domain, count and model, maybe sampling. */
export type RunTarget = Pick<RunRequest, 'domain' | 'count' | 'model'> & Partial<Pick<RunRequest, 'generator' | 'solver' | 'sampler' | 'samplesPerProblem'>>;

/**
 * The options of one run from the shared flags and the command's target. Optional fields are
 * present only when set, so the gateway's defaults apply to everything left out.
 */
export function runCommandOptions(flags: RunFlags, target: RunTarget): RunCommandOptions {
  const filters = filterOverrides(flags);
  const quality = qualityOverrides(flags);
  const dataQuality = dataQualityOverrides(flags);
  return {
    domain: target.domain,
    count: target.count,
    model: target.model,
    out: flags.out,
    report: flags.report,
    prices: tokenPrices(flags),
    gateway: flags.gateway,
    ...(flags.token === undefined ? {} : { token: flags.token }),
    ...(flags.tlsCa === undefined ? {} : { tlsCa: flags.tlsCa }),
    ...(flags.tlsCert === undefined ? {} : { tlsCert: flags.tlsCert }),
    ...(flags.tlsKey === undefined ? {} : { tlsKey: flags.tlsKey }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    subtopics: flags.subtopics ?? [],
    samplesPerProblem: target.samplesPerProblem ?? flags.samplesPerProblem,
    ...(flags.rewardModel === undefined ? {} : { rewardModel: flags.rewardModel }),
    waitMs: flags.waitMs,
    ...(target.generator === undefined ? {} : { generator: target.generator }),
    ...(target.solver === undefined ? {} : { solver: target.solver }),
    ...(target.sampler === undefined ? {} : { sampler: target.sampler }),
    ...(flags.pairRule === undefined ? {} : { pairRule: flags.pairRule }),
    ...(flags.minRewardMargin === undefined ? {} : { minRewardMargin: flags.minRewardMargin }),
    ...(filters === undefined ? {} : { filters }),
    ...(dataQuality === undefined ? {} : { dataQuality }),
    ...(quality === undefined ? {} : { quality }),
    ...(flags.requestId === undefined ? {} : { requestId: flags.requestId }),
  };
}
