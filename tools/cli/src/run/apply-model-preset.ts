import type { ModelPreset } from '@magpie/catalog';
import type { SamplingOverrides } from './start-run-request.js';

/** The positional parameters of the seed's per-model scripts: `model total_prompts ins_topp ins_temp res_topp res_temp`. */
export interface SeedPositionals {
  readonly model?: string;
  readonly totalPrompts?: number;
  readonly insTopP?: number;
  readonly insTemp?: number;
  readonly resTopP?: number;
  readonly resTemp?: number;
}

/** Values the user gave as flags (`--model`, `--count`, `--samples-per-problem`), not defaults. */
export interface ExplicitFlags {
  readonly model?: string;
  readonly count?: number;
  readonly samplesPerProblem?: number;
}

/** What a preset and the positionals decide about a run. */
export interface PresetTarget {
  readonly model: string;
  readonly count: number;
  readonly generator?: SamplingOverrides;
  readonly solver?: SamplingOverrides;
  readonly sampler?: SamplingOverrides;
  readonly samplesPerProblem?: number;
}

function sampling(temperature: number | undefined, topP: number | undefined, maxTokens: number | undefined): SamplingOverrides | undefined {
  const out: SamplingOverrides = {
    ...(temperature === undefined ? {} : { temperature }),
    ...(topP === undefined ? {} : { topP }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Resolves a run's model, count and sampling the way the seed's scripts do: positionals win, then
 * explicit flags, then the preset, then the defaults. ins_* set the generator (instruction)
 * stage, res_* the solver (response) stage; the preset's max_tokens and, when it has a
 * preference step, its po_* sampling and response count apply as they are. Without a preset only
 * the positionals and flags count and the gateway's defaults fill the rest.
 */
export function applyModelPreset(
  preset: ModelPreset | undefined,
  positionals: SeedPositionals,
  explicit: ExplicitFlags,
  defaults: { readonly model: string; readonly count: number },
): PresetTarget {
  const generator = sampling(positionals.insTemp ?? preset?.ins_temp, positionals.insTopP ?? preset?.ins_topp, preset?.maxTokensInstruction);
  const solver = sampling(positionals.resTemp ?? preset?.res_temp, positionals.resTopP ?? preset?.res_topp, preset?.maxTokensResponse);
  const sampler = sampling(preset?.po_temp, preset?.po_topp, preset?.maxTokensSamples);
  const samplesPerProblem = explicit.samplesPerProblem ?? preset?.po_num_responses;
  return {
    model: positionals.model ?? explicit.model ?? preset?.model ?? defaults.model,
    count: positionals.totalPrompts ?? explicit.count ?? preset?.total_prompts ?? defaults.count,
    ...(generator === undefined ? {} : { generator }),
    ...(solver === undefined ? {} : { solver }),
    ...(sampler === undefined ? {} : { sampler }),
    ...(samplesPerProblem === undefined ? {} : { samplesPerProblem }),
  };
}
