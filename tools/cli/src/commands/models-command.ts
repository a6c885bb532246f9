import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Command } from 'commander';
import {
  CatalogError,
  DEFAULT_CONFIG_DIR,
  gpusPerReplica,
  loadCatalog,
  checkModelsFile,
  type ModelCatalog,
  type RewardModelEntry,
  type VllmServing,
} from '@magpie/catalog';
import { ExitCode } from '../exit-codes.js';
import { formatTable } from '../text-table.js';
import type { CommandIo } from './command-io.js';

/** The parsed options of `magpie models list`. */
export interface ModelsListOptions {
  readonly json?: boolean;
}

export const DEFAULT_MODELS_FILE = join(DEFAULT_CONFIG_DIR, 'models.json');

/**
 * Defines `magpie models list [--json]` and `magpie models validate [file]`; the actions call the
 * handlers, so tests can parse without reading the catalog.
 */
export function defineModelsCommand(handlers: {
  readonly list: (options: ModelsListOptions) => void | Promise<void>;
  readonly validate: (file: string) => void | Promise<void>;
}): Command {
  const models = new Command('models').description('the models of configs/models.json and how each is served (GPUs, context, memory, dtype, parser)');
  models
    .command('list')
    .description('print every generator and reward model with its serving settings')
    .option('--json', 'print JSON instead of tables')
    .action(async (options: ModelsListOptions) => handlers.list(options));
  models
    .command('validate')
    .description('check a models file: prints each invalid field by its path and exits 1 (exit 0 when valid)')
    .argument('[file]', 'the models file', DEFAULT_MODELS_FILE)
    .action(async (file: string) => handlers.validate(file));
  return models;
}

/** The real handlers: the repository's catalog, the process's output, the exit code. */
export function modelsHandlers(io: Pick<CommandIo, 'out' | 'err'>, setExitCode: (code: number) => void): Parameters<typeof defineModelsCommand>[0] {
  return {
    list: (options) => {
      let catalog: ModelCatalog;
      try {
        catalog = loadCatalog(DEFAULT_CONFIG_DIR).models;
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        io.err(`magpie models list: ${error.message}`);
        setExitCode(ExitCode.failure);
        return;
      }
      setExitCode(executeModelsList(options, catalog, io));
    },
    validate: (file) => setExitCode(executeModelsValidate(file, io)),
  };
}

function gpus(s: VllmServing): string {
  return s.pipelineParallelSize && s.pipelineParallelSize > 1 ? `${gpusPerReplica(s)} (TP ${s.tensorParallelSize} × PP ${s.pipelineParallelSize})` : String(s.tensorParallelSize);
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export function formatModelTable(catalog: ModelCatalog): string[] {
  return formatTable([
    ['MODEL', 'GPUS', 'MAX LEN', 'GPU MEM', 'DTYPE', 'QUANT', 'PARSER', 'SEQS', 'VRAM', 'GATED', 'EXTRA ARGS'],
    ...catalog.all().map((m) => {
      const s = m.serving;
      return [m.id, gpus(s), String(s.maxModelLen), String(s.gpuMemoryUtilization), s.dtype, s.quantization ?? '-', s.reasoningParser ?? '-', String(s.maxNumSeqs), `${s.minGpuMemoryGiB} GiB`, yesNo(s.gated), (s.extraArgs ?? []).join(' ')];
    }),
  ]);
}

function rewardRow(r: RewardModelEntry): string[] {
  if (r.api === 'armorm') {
    const s = r.serving;
    return [r.id, 'ArmoRM server (/v1/armorm/score)', '1', String(s.maxLength), s.dtype, `batch ${s.maxBatchSize}`, `${s.minGpuMemoryGiB} GiB`, yesNo(s.gated)];
  }
  const s = r.serving;
  return [r.id, 'vLLM /classify (pooling)', gpus(s), String(s.maxModelLen), s.dtype, `seqs ${s.maxNumSeqs}`, `${s.minGpuMemoryGiB} GiB`, yesNo(s.gated)];
}

export function formatRewardTable(catalog: ModelCatalog): string[] {
  return formatTable([['REWARD MODEL', 'SERVER', 'GPUS', 'MAX LEN', 'DTYPE', 'CAPACITY', 'VRAM', 'GATED'], ...catalog.allRewards().map(rewardRow)]);
}

/** Runs `magpie models list`: both tables (the default model and reward model marked), or JSON. */
export function executeModelsList(options: ModelsListOptions, catalog: ModelCatalog, io: Pick<CommandIo, 'out'>): number {
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          defaultModel: catalog.ids[0],
          defaultRewardModel: catalog.defaultRewardModel,
          models: catalog.all().map((m) => ({ id: m.id, family: m.family, reasoning: m.reasoning, serving: m.serving })),
          rewardModels: catalog.allRewards(),
        },
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  io.out(`${catalog.ids.length} generator models (default ${catalog.ids[0] ?? '-'}); GPUS per replica = tensor-parallel size`);
  for (const line of formatModelTable(catalog)) io.out(line);
  io.out('');
  io.out(`${catalog.rewardIds.length} reward models (default ${catalog.defaultRewardModel})`);
  for (const line of formatRewardTable(catalog)) io.out(line);
  return ExitCode.ok;
}

/**
 * Runs `magpie models validate [file]`: the file's own schema and sizing rules, then, for a
 * models.json beside domains.json (a config directory), the presets that use it. Each problem is
 * printed as `path: message`; 0 when valid, 1 otherwise.
 */
export function executeModelsValidate(file: string, io: Pick<CommandIo, 'out' | 'err'>): number {
  let issues: string[];
  let counts = '';
  try {
    const checked = checkModelsFile(file);
    issues = checked.issues ?? [];
    if (checked.data) counts = `${checked.data.models.length} models, ${checked.data.rewardModels.length} reward models`;
    const dir = dirname(file);
    if (issues.length === 0 && basename(file) === 'models.json' && existsSync(join(dir, 'domains.json'))) loadCatalog(dir);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    issues = [error.message];
  }
  if (issues.length > 0) {
    io.err(`${file}: invalid (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'})`);
    for (const issue of issues) io.err(`  ${issue}`);
    return ExitCode.failure;
  }
  io.out(`${file}: valid (${counts})`);
  return ExitCode.ok;
}
