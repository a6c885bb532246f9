import { Argument, Command } from 'commander';
import type { CliConfig } from '../config.js';
import { parsePositiveInt } from '../parse-options.js';
import { knownDomains } from './run-command.js';
import { addRunFlags, runCommandOptions, type RunCommandOptions, type RunFlags } from './run-options.js';

/**
 * Defines `magpie generate-domain <model> <domain> <count>`: the seed's
 * `generate_domain_dataset.sh` as a thin layer over `magpie run` (the gateway applies the
 * domain's instruction temperature and the model's defaults, as the script's settings did). The
 * action calls `execute` with the resolved run options.
 */
export function defineGenerateDomainCommand(config: CliConfig, execute: (options: RunCommandOptions) => Promise<void>): Command {
  const command = new Command('generate-domain')
    .description("generate one domain's dataset, like the seed's generate_domain_dataset.sh <model> <domain> <count>")
    .addArgument(new Argument('<model>', 'generator model (a configs/models.json id)'))
    .addArgument(new Argument('<domain>', `math domain${knownDomains()}`))
    .addArgument(new Argument('<count>', 'problems to generate').argParser(parsePositiveInt));
  addRunFlags(command, config).addHelpText(
    'after',
    `
Example:
  magpie generate-domain deepseek-ai/DeepSeek-R1-Distill-Qwen-32B number_theory 1000`,
  );
  return command.action(async function (this: Command) {
    const [model, domain, count] = this.processedArgs as [string, string, number];
    await execute(runCommandOptions(this.opts<RunFlags>(), { domain, count, model }));
  });
}
