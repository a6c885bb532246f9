import { z } from 'zod';
import { CatalogError } from './errors.js';
import { RewardConversation } from './reward-conversation.js';
import { ArmormServing, MIN_PROMPT_TOKENS, VllmServing, vllmServingIssues } from './serving-settings.js';

/** Reasoning traces are long: fewer response tokens than this truncate most of them (the seed fork's 4096 did). */
export const MIN_REASONING_TOKENS = 16384;

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
    /**
     * Whether the model's chat format has a system role. When false, `systemTemplate` puts the
     * steering text at the start of the first user turn, the way the model's own template does.
     */
    systemRole: z.boolean(),
    /** The BOS text when the model's tokenizer adds one; a template starting with it must be sent with add_special_tokens=false. */
    bosToken: z.string().min(1).nullable(),
    preQueryTemplate: z.string().min(1),
    /** The pre-query template with `{system}` where a system prompt goes (models without a system role put it in the user turn). */
    systemTemplate: z.string().includes('{system}', { message: 'must contain the {system} placeholder' }),
    /** Stop strings; the first is the text that ends a user turn. */
    stopTokens: z.array(z.string().min(1)).min(1),
    /** Empty, or the ids of `stopTokens` in the model's own tokenizer, position by position. */
    stopTokenIds: z.array(z.number().int().nonnegative()),
    /** Extra stop strings Magpie appends during instruction generation only (e.g. "assistant"). */
    assistantStopTokens: z.array(z.string().min(1)),
    /** Emits `<think>…</think>` before its answer. */
    reasoning: z.boolean(),
    defaults: z.object({ instruction: Sampling, response: Sampling, samples: Sampling }),
    /** How vLLM serves it on the fleet: GPUs, context, memory, dtype or quantization, reasoning parser. */
    serving: VllmServing,
    /** Provenance of the template, stops, ids and sampling, and any deliberate deviation from the model's Jinja template. */
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.systemTemplate.split('{system}').length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['systemTemplate'], message: 'must contain {system} exactly once' });
    }
    if (m.stopTokenIds.length > 0 && m.stopTokenIds.length !== m.stopTokens.length) {
      ctx.addIssue({ code: 'custom', path: ['stopTokenIds'], message: 'must be empty or give one id per stopTokens entry, in the same order' });
    }
    if (new Set(m.stopTokenIds).size !== m.stopTokenIds.length) {
      ctx.addIssue({ code: 'custom', path: ['stopTokenIds'], message: 'must not repeat an id' });
    }
    if (m.bosToken !== null && m.systemTemplate.startsWith(m.bosToken) !== m.preQueryTemplate.startsWith(m.bosToken)) {
      ctx.addIssue({ code: 'custom', path: ['systemTemplate'], message: 'preQueryTemplate and systemTemplate disagree on BOS' });
    }
    if (m.reasoning && (m.defaults.response.maxTokens < MIN_REASONING_TOKENS || m.defaults.samples.maxTokens < MIN_REASONING_TOKENS)) {
      ctx.addIssue({ code: 'custom', path: ['defaults'], message: `a reasoning model needs response and samples maxTokens >= ${MIN_REASONING_TOKENS}` });
    }
    servingIssues(m, ctx);
  });
export type ModelEntry = z.infer<typeof ModelEntry>;

/** The generator model's serving rules beyond the sizing: reasoning parser, context room, no pooling runner. */
function servingIssues(m: { family: string; reasoning: boolean; defaults: Record<string, { maxTokens: number }>; serving: VllmServing }, ctx: z.RefinementCtx): void {
  const s = m.serving;
  for (const issue of vllmServingIssues(s)) ctx.addIssue({ code: 'custom', path: ['serving', ...issue.path], message: issue.message });
  if (m.reasoning !== (s.reasoningParser !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['serving', 'reasoningParser'], message: m.reasoning ? 'a reasoning model needs a reasoning parser' : 'only a reasoning model takes a reasoning parser' });
  }
  if (m.family === 'deepseek-r1' && s.reasoningParser !== undefined && s.reasoningParser !== 'deepseek_r1') {
    ctx.addIssue({ code: 'custom', path: ['serving', 'reasoningParser'], message: 'the DeepSeek-R1 family uses "deepseek_r1"' });
  }
  const longest = Math.max(...Object.values(m.defaults).map((d) => d.maxTokens));
  if (s.maxModelLen < longest + MIN_PROMPT_TOKENS) {
    ctx.addIssue({
      code: 'custom',
      path: ['serving', 'maxModelLen'],
      message: `must hold the longest default maxTokens (${longest}) plus ${MIN_PROMPT_TOKENS} prompt tokens (vLLM refuses a request whose prompt plus max_tokens exceeds it)`,
    });
  }
  if (s.runner === 'pooling' || s.convert !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['serving', 'runner'], message: 'a generator model runs "generate": no pooling runner, no convert' });
  }
}

/** Provenance of a reward model's settings and template, and what is uncertain about them. */
const RewardNotes = z.string().optional();

/**
 * A reward model. `armorm`: our ArmoRM server (services/reward-server, one GPU, /v1/armorm/score);
 * `classify`: a sequence-classification model on vLLM's /classify (`--runner pooling --convert
 * classify`), with the conversation template its batched `input` strings are rendered with.
 */
export const RewardModelEntry = z.discriminatedUnion('api', [
  z.object({ id: z.string().min(1), api: z.literal('armorm'), serving: ArmormServing, notes: RewardNotes }).strict(),
  z
    .object({ id: z.string().min(1), api: z.literal('classify'), serving: VllmServing, conversation: RewardConversation, notes: RewardNotes })
    .strict()
    .superRefine((r, ctx) => {
      for (const issue of vllmServingIssues(r.serving)) ctx.addIssue({ code: 'custom', path: ['serving', ...issue.path], message: issue.message });
      if (r.serving.runner !== 'pooling' || r.serving.convert !== 'classify') {
        ctx.addIssue({ code: 'custom', path: ['serving', 'runner'], message: 'a /classify reward model is served with runner "pooling" and convert "classify"' });
      }
      if (r.serving.reasoningParser !== undefined) ctx.addIssue({ code: 'custom', path: ['serving', 'reasoningParser'], message: 'a reward model takes no reasoning parser' });
    }),
]);
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

  /** Every generator model id, in file order; the first is the platform's default model. */
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

  allRewards(): RewardModelEntry[] {
    return [...this.#rewardById.values()];
  }
}
