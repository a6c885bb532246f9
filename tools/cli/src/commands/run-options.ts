import { Option, type Command } from 'commander';
import { PairRule } from '@magpie/contracts';
import type { CliConfig } from '../config.js';
import {
  parseAddress,
  parseList,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parsePositiveInt,
  parseUnitInterval,
} from '../parse-options.js';
import type { GatewayAccessFlags } from '../run/gateway-client-options.js';
import type { FilterOverrides, RunRequest } from '../run/start-run-request.js';
import { addDataQualityFlags, dataQualityOverrides, type DataQualityFlags } from './data-quality-flags.js';

/** The default generator (and solver and sampler) model of every run command. */
export const DEFAULT_MODEL = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';

/** The default samples per problem (Magpie's `--num_samples 5`). */
export const DEFAULT_SAMPLES_PER_PROBLEM = 5;

/** The flags every run command shares, as commander parses them. */
export interface RunFlags extends GatewayAccessFlags, DataQualityFlags {
  readonly out: string;
  readonly gateway: string;
  readonly seed?: number;
  readonly subtopics?: string[];
  readonly samplesPerProblem: number;
  readonly rewardModel?: string;
  readonly waitMs: number;
  readonly pairRule?: PairRule;
  readonly minRewardMargin?: number;
  readonly nearDuplicateThreshold?: number;
  readonly sanitize?: boolean;
  readonly minChars?: number;
  readonly maxChars?: number;
  readonly requestId?: string;
}

/** A run request plus where to write it and which gateway to ask: what every run command resolves to. */
export interface RunCommandOptions extends RunRequest, GatewayAccessFlags {
  readonly out: string;
  readonly gateway: string;
  readonly waitMs: number;
}

/**
 * Adds the flags shared by `run`, `generate-domain`, `generate-all` and `menu`. `subtopics` is
 * left out for commands that run several domains, whose subtopics differ.
 */
export function addRunFlags(command: Command, config: CliConfig, { subtopics = true } = {}): Command {
  command
    .option('--out <dir>', 'parent directory of the dataset directories (env MAGPIE_OUT_DIR)', config.outDir)
    .addOption(new Option('--gateway <host:port>', 'gateway address (env MAGPIE_GATEWAY)').argParser(parseAddress).default(config.gateway))
    // The token's default is described, never shown: help output must not print a secret.
    .addOption(new Option('--token <token>', 'bearer token for the gateway (env MAGPIE_TOKEN)').default(config.token, 'env MAGPIE_TOKEN'))
    .addOption(new Option('--tls-ca <file>', "connect with TLS, trusting this CA's PEM (env MAGPIE_TLS_CA)").default(config.tlsCa))
    .addOption(new Option('--tls-cert <file>', 'client certificate (PEM) for mTLS; needs --tls-key (env MAGPIE_TLS_CERT)').default(config.tlsCert))
    .addOption(new Option('--tls-key <file>', 'client private key (PEM) for mTLS; needs --tls-cert (env MAGPIE_TLS_KEY)').default(config.tlsKey))
    .addOption(new Option('--seed <n>', 'base seed; the gateway picks one when omitted').argParser(parseNonNegativeInt))
    .option(
      '--request-id <id>',
      'idempotency key: rerunning with the same id attaches to the run it started and rewrites its complete dataset (default: a new id)',
    );
  if (subtopics) {
    command.addOption(new Option('--subtopics <a,b>', 'subtopics to steer towards').argParser(parseList).default([], "all of the domain's"));
  }
  return addDataQualityFlags(command)
    .addOption(
      new Option('--samples-per-problem <n>', 'sampled responses per problem').argParser(parsePositiveInt).default(DEFAULT_SAMPLES_PER_PROBLEM),
    )
    .option('--reward-model <id>', "reward model (default: the gateway's default)")
    .addOption(
      new Option('--pair-rule <rule>', "how the reward stage picks chosen/rejected (default: the gateway's, majority)").choices(PairRule.options),
    )
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
    .addOption(new Option('--wait-ms <ms>', 'how long to wait for the gateway to be reachable').argParser(parsePositiveInt).default(60_000));
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
  const dataQuality = dataQualityOverrides(flags);
  return {
    domain: target.domain,
    count: target.count,
    model: target.model,
    out: flags.out,
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
    ...(flags.requestId === undefined ? {} : { requestId: flags.requestId }),
  };
}
