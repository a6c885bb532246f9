import { z } from 'zod';
import { CatalogError } from './errors.js';

const PresetName = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case kebab-case (dots allowed)');
const DomainName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case');
const TopP = z.number().gt(0).max(1);
const Temperature = z.number().min(0).max(5);
const Tokens = z.number().int().positive();

/** A named problem count per domain, e.g. the seed's recommended `all-domains` mix. */
export const DomainsPreset = z
  .object({
    name: PresetName,
    kind: z.literal('domains'),
    /** Where the numbers come from (repository and file). */
    source: z.string().min(1),
    description: z.string().optional(),
    domains: z.record(DomainName, z.number().int().positive()).refine((d) => Object.keys(d).length > 0, 'must name at least one domain'),
  })
  .strict();
export type DomainsPreset = z.infer<typeof DomainsPreset>;

/**
 * The sampling one of the seed's per-model scripts sets, named after the script
 * (`scripts/magpie-<name>.sh`). Field names follow the scripts' positional arguments.
 */
export const ModelPreset = z
  .object({
    name: PresetName,
    kind: z.literal('model'),
    source: z.string().min(1),
    description: z.string().optional(),
    /** A `configs/models.json` id (checked by loadCatalog). */
    model: z.string().min(1),
    total_prompts: z.number().int().positive(),
    ins_topp: TopP,
    ins_temp: Temperature,
    res_topp: TopP,
    res_temp: Temperature,
    maxTokensInstruction: Tokens,
    /** Response max_tokens; for a reasoning model at least MIN_REASONING_TOKENS (checked by loadCatalog). */
    maxTokensResponse: Tokens,
    /** The script's own response max_tokens where it was raised for a reasoning model. */
    seedMaxTokensResponse: Tokens.optional(),
    /** The script's preference-data step (gen_po_multi_res.py), when it has one. */
    po_topp: TopP.optional(),
    po_temp: Temperature.optional(),
    po_num_responses: z.number().int().positive().optional(),
    maxTokensSamples: Tokens.optional(),
    seedMaxTokensSamples: Tokens.optional(),
    /** Other gen_ins.py flags the script passes; informational (the platform steers with domains instead of --control_tasks). */
    insFlags: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const po = [p.po_topp, p.po_temp, p.po_num_responses, p.maxTokensSamples];
    if (po.some((v) => v !== undefined) && po.some((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['po_topp'], message: 'po_topp, po_temp, po_num_responses and maxTokensSamples go together' });
    }
  });
export type ModelPreset = z.infer<typeof ModelPreset>;

export const Preset = z.discriminatedUnion('kind', [DomainsPreset, ModelPreset]);
export type Preset = z.infer<typeof Preset>;

export const PresetsFile = z
  .object({ $comment: z.string().optional(), presets: z.array(Preset) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [i, p] of file.presets.entries()) {
      if (seen.has(p.name)) ctx.addIssue({ code: 'custom', path: ['presets', i, 'name'], message: `duplicate preset name ${p.name}` });
      seen.add(p.name);
    }
  });
export type PresetsFile = z.infer<typeof PresetsFile>;

/** Lookup over a validated presets file. */
export class PresetCatalog {
  readonly #byName: ReadonlyMap<string, Preset>;

  constructor(file: PresetsFile) {
    this.#byName = new Map(file.presets.map((p) => [p.name, p]));
  }

  /** Every preset name, in file order. */
  get names(): string[] {
    return [...this.#byName.keys()];
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Throws CatalogError listing the known presets when `name` is unknown. */
  get(name: string): Preset {
    const preset = this.#byName.get(name);
    if (!preset) throw new CatalogError(`unknown preset "${name}"; known presets: ${this.names.join(', ') || '(none)'}`);
    return preset;
  }

  /** Throws CatalogError when `name` is unknown or is not a domains preset. */
  domains(name: string): DomainsPreset {
    const preset = this.get(name);
    if (preset.kind !== 'domains') throw new CatalogError(`preset "${name}" is a ${preset.kind} preset, not a domains preset`);
    return preset;
  }

  /** Throws CatalogError when `name` is unknown or is not a model preset. */
  model(name: string): ModelPreset {
    const preset = this.get(name);
    if (preset.kind !== 'model') throw new CatalogError(`preset "${name}" is a ${preset.kind} preset, not a model preset`);
    return preset;
  }

  all(): Preset[] {
    return [...this.#byName.values()];
  }
}

/** The number of problems a domains preset asks for, over all its domains. */
export function presetTotal(preset: DomainsPreset): number {
  return Object.values(preset.domains).reduce((sum, n) => sum + n, 0);
}
