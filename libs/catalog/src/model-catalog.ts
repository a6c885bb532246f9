import { z } from 'zod';
import { CatalogError } from './errors.js';

const Sampling = z.object({
  temperature: z.number().min(0).max(5),
  topP: z.number().gt(0).max(1),
  maxTokens: z.number().int().positive(),
});

/** One generator model: its Magpie pre-query templates, stop tokens and the seed's default sampling. */
export const ModelEntry = z
  .object({
    id: z.string().min(1),
    family: z.string().min(1),
    /** The BOS text when the model's tokenizer adds one; a template starting with it must be sent with add_special_tokens=false. */
    bosToken: z.string().min(1).nullable(),
    preQueryTemplate: z.string().min(1),
    /** The pre-query template with `{system}` where a system prompt goes (models without a system role put it in the user turn). */
    systemTemplate: z.string().includes('{system}', { message: 'must contain the {system} placeholder' }),
    stopTokens: z.array(z.string().min(1)).min(1),
    stopTokenIds: z.array(z.number().int().nonnegative()),
    /** Extra stop strings Magpie appends during instruction generation only (e.g. "assistant"). */
    assistantStopTokens: z.array(z.string().min(1)),
    /** Emits `<think>…</think>` before its answer. */
    reasoning: z.boolean(),
    defaults: z.object({ instruction: Sampling, response: Sampling, samples: Sampling }),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntry>;

export const RewardModelEntry = z.object({
  id: z.string().min(1),
  /** `armorm`: our ArmoRM sidecar's /classify-shaped endpoint; `classify`: vLLM's /classify. */
  api: z.enum(['armorm', 'classify']),
});
export type RewardModelEntry = z.infer<typeof RewardModelEntry>;

export const ModelsFile = z
  .object({
    $comment: z.string().optional(),
    models: z.array(ModelEntry).min(1),
    rewardModels: z.array(RewardModelEntry).min(1),
    defaultRewardModel: z.string().min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [i, m] of file.models.entries()) {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id ${m.id}` });
      seen.add(m.id);
      if (m.bosToken !== null && m.systemTemplate.startsWith(m.bosToken) !== m.preQueryTemplate.startsWith(m.bosToken)) {
        ctx.addIssue({ code: 'custom', path: ['models', i], message: 'preQueryTemplate and systemTemplate disagree on BOS' });
      }
    }
    if (!file.rewardModels.some((r) => r.id === file.defaultRewardModel)) {
      ctx.addIssue({ code: 'custom', path: ['defaultRewardModel'], message: 'must name an entry of rewardModels' });
    }
  });
export type ModelsFile = z.infer<typeof ModelsFile>;

/** Lookup over a validated models file. */
export class ModelCatalog {
  readonly #byId: ReadonlyMap<string, ModelEntry>;
  readonly #rewardById: ReadonlyMap<string, RewardModelEntry>;
  readonly defaultRewardModel: string;

  constructor(file: ModelsFile) {
    this.#byId = new Map(file.models.map((m) => [m.id, m]));
    this.#rewardById = new Map(file.rewardModels.map((m) => [m.id, m]));
    this.defaultRewardModel = file.defaultRewardModel;
  }

  /** Every generator model id, in file order. */
  get ids(): string[] {
    return [...this.#byId.keys()];
  }

  get rewardIds(): string[] {
    return [...this.#rewardById.keys()];
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Throws CatalogError listing the known ids when `id` is not in the catalog. */
  get(id: string): ModelEntry {
    const entry = this.#byId.get(id);
    if (!entry) throw new CatalogError(`unknown model "${id}"; known models: ${this.ids.join(', ')}`);
    return entry;
  }

  hasReward(id: string): boolean {
    return this.#rewardById.has(id);
  }

  /** Throws CatalogError listing the known reward models when `id` is not in the catalog. */
  getReward(id: string): RewardModelEntry {
    const entry = this.#rewardById.get(id);
    if (!entry) throw new CatalogError(`unknown reward model "${id}"; known reward models: ${this.rewardIds.join(', ')}`);
    return entry;
  }

  all(): ModelEntry[] {
    return [...this.#byId.values()];
  }
}
