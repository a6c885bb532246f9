import { createInterface } from 'node:readline';
import { CatalogError, type Catalog } from '@magpie/catalog';
import { executeGenerateAll, DEFAULT_DOMAINS_PRESET, planDomainRuns, type RunOne } from '../commands/generate-all-command.js';
import type { CommandIo } from '../commands/command-io.js';
import { DEFAULT_COUNT, PRESET_DEFAULT_DOMAIN } from '../commands/run-command.js';
import { DEFAULT_MODEL, runCommandOptions, type RunFlags } from '../commands/run-options.js';
import { ExitCode } from '../exit-codes.js';
import { applyModelPreset } from '../run/apply-model-preset.js';

/** The menu's entries, numbered as in the seed's interactive script. */
export const MENU_CHOICES = [
  [1, 'generate one domain'],
  [2, 'generate all domains (all-domains preset)'],
  [3, 'run a model preset'],
  [4, 'list models'],
  [5, 'list domains'],
  [0, 'quit'],
] as const;
export type MenuChoice = (typeof MENU_CHOICES)[number][0];

/** `magpie menu`'s flags: a choice plus every value it would otherwise ask for. */
export interface MenuOptions {
  /** Given: run this entry once with the flags' values and defaults, without prompting. */
  readonly choice?: MenuChoice;
  readonly model?: string;
  readonly domain?: string;
  readonly count?: number;
  readonly preset?: string;
  readonly flags: RunFlags;
}

export interface MenuDeps {
  readonly io: CommandIo;
  readonly catalog: () => Catalog;
  readonly runOne: RunOne;
}

/** Reads answers; undefined at end of input. A blank answer takes the default. */
type Ask = (question: string, fallback?: string) => Promise<string | undefined>;

class MenuInputError extends Error {}

/** Bad answers and unknown catalog names end one entry, not the menu. */
const isInputError = (error: unknown): error is Error => error instanceof MenuInputError || error instanceof CatalogError;

function positiveInt(text: string, what: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new MenuInputError(`${what} must be a whole number ≥ 1, got "${text}"`);
  return value;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new MenuInputError(`${what} is required`);
  return value;
}

/** Carries out one menu entry; the values come from `ask` (interactive) or the flags (scripted). */
async function perform(choice: MenuChoice, options: MenuOptions, ask: Ask, deps: MenuDeps): Promise<number> {
  const { io, runOne } = deps;
  const noop = (): void => undefined;
  switch (choice) {
    case 0:
      return ExitCode.ok;
    case 1: {
      const model = required(await ask('model', options.model ?? DEFAULT_MODEL), 'model');
      const domain = required(await ask(`domain (${deps.catalog().domains.names.join(', ')})`, options.domain), 'domain');
      const count = positiveInt(required(await ask('count', String(options.count ?? DEFAULT_COUNT)), 'count'), 'count');
      return runOne(runCommandOptions(options.flags, { domain, count, model }), noop);
    }
    case 2: {
      const model = required(await ask('model', options.model ?? DEFAULT_MODEL), 'model');
      const preset = deps.catalog().presets.domains(DEFAULT_DOMAINS_PRESET);
      return executeGenerateAll(planDomainRuns(model, preset, options.flags), io, runOne);
    }
    case 3: {
      const presets = deps.catalog().presets;
      const modelPresets = presets.all().flatMap((p) => (p.kind === 'model' ? [p.name] : []));
      const preset = presets.model(required(await ask(`preset (${modelPresets.join(', ')})`, options.preset), 'preset'));
      const domain = required(await ask('domain', options.domain ?? PRESET_DEFAULT_DOMAIN), 'domain');
      const totalPrompts = positiveInt(required(await ask('total_prompts', String(options.count ?? preset.total_prompts)), 'total_prompts'), 'total_prompts');
      const target = applyModelPreset(preset, { totalPrompts }, options.model === undefined ? {} : { model: options.model }, {
        model: DEFAULT_MODEL,
        count: DEFAULT_COUNT,
      });
      return runOne(runCommandOptions(options.flags, { domain, ...target }), noop);
    }
    case 4:
      for (const model of deps.catalog().models.all()) io.out(`  ${model.id}${model.reasoning ? '  (reasoning)' : ''}`);
      return ExitCode.ok;
    case 5:
      for (const domain of deps.catalog().domains.all()) io.out(`  ${domain.name}: ${domain.subtopics.map((s) => s.name).join(', ')}`);
      return ExitCode.ok;
  }
}

function worse(a: number, b: number): number {
  const rank = (code: number): number => [ExitCode.ok, ExitCode.failure, ExitCode.gatewayError, ExitCode.interrupted].indexOf(code as never);
  return rank(b) > rank(a) ? b : a;
}

/**
 * `magpie menu`. With a choice it carries that entry out once from the flags, without reading
 * input (so scripts can drive it); otherwise it shows the menu and reads answers line by line
 * from `io.input` (a terminal or a pipe) until 0 or end of input. A failed run returns to the
 * menu; an interrupted run ends it. Resolves with the worst exit code of the runs.
 */
export async function runMenu(options: MenuOptions, deps: MenuDeps): Promise<number> {
  const { io } = deps;
  if (options.choice !== undefined) {
    const fromFlags: Ask = (_question, fallback) => Promise.resolve(fallback);
    try {
      return await perform(options.choice, options, fromFlags, deps);
    } catch (error) {
      if (!isInputError(error)) throw error;
      io.err(`magpie menu: ${error.message} (give it as a flag with --choice ${options.choice})`);
      return ExitCode.failure;
    }
  }
  if (!io.input) throw new Error('magpie menu needs an input stream');
  // terminal: false keeps the terminal in cooked mode, so Ctrl-C reaches the run's SIGINT handler.
  const rl = createInterface({ input: io.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask: Ask = async (question, fallback) => {
    io.out(fallback === undefined ? `${question}:` : `${question} [${fallback}]:`);
    const next = await lines.next();
    if (next.done) return undefined;
    const answer = next.value.trim();
    return answer === '' ? fallback : answer;
  };
  let code: number = ExitCode.ok;
  try {
    for (;;) {
      io.out('');
      io.out('Magpie Reasoning');
      for (const [n, label] of MENU_CHOICES) io.out(`  ${n}) ${label}`);
      const answer = await ask('choice');
      if (answer === undefined) return code;
      const choice = MENU_CHOICES.find(([n]) => String(n) === answer)?.[0];
      if (choice === undefined) {
        io.err(`magpie menu: unknown choice "${answer}"`);
        continue;
      }
      if (choice === 0) return code;
      try {
        code = worse(code, await perform(choice, options, ask, deps));
      } catch (error) {
        if (!isInputError(error)) throw error;
        io.err(`magpie menu: ${error.message}`);
      }
      if (code === ExitCode.interrupted) return code;
    }
  } finally {
    rl.close();
  }
}
