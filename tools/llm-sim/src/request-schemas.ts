import { z } from 'zod';
import { BadRequestError } from './errors.js';

// Fields are nullish because Python clients send explicit nulls; unknown fields are stripped, as vLLM ignores them.
const Stop = z.union([z.string(), z.array(z.string())]).nullish();
const Sampling = {
  model: z.string().nullish(),
  n: z.number().int().min(1).max(256).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop: Stop,
  stop_token_ids: z.array(z.number().int().nonnegative()).nullish(),
  include_stop_str_in_output: z.boolean().nullish(),
  skip_special_tokens: z.boolean().nullish(),
  stream: z.literal(false, { message: 'streaming is not supported by the simulator' }).nullish(),
};

export const CompletionRequest = z.object({
  ...Sampling,
  prompt: z.union([z.string(), z.array(z.string()).min(1)]),
  add_special_tokens: z.boolean().nullish(),
});
export type CompletionRequest = z.infer<typeof CompletionRequest>;

const ContentPart = z.object({ type: z.string(), text: z.string().optional() });
export const ChatMessage = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatRequest = z.object({
  ...Sampling,
  messages: z.array(ChatMessage).min(1),
  max_completion_tokens: z.number().int().min(1).nullish(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

const ScoringFields = {
  model: z.string().nullish(),
  messages: z.array(ChatMessage).min(1).optional(),
  input: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  use_activation: z.boolean().nullish(),
  // vLLM's default: true for `input` (BOS prepended), false for `messages`.
  add_special_tokens: z.boolean().nullish(),
};
const oneInput = (r: { messages?: unknown; input?: unknown }): boolean => (r.messages === undefined) !== (r.input === undefined);

export const ClassifyRequest = z.object(ScoringFields).refine(oneInput, { message: 'send exactly one of messages or input' });
export type ClassifyRequest = z.infer<typeof ClassifyRequest>;

export const PoolingRequest = z
  .object({ ...ScoringFields, task: z.string().nullish() })
  .refine(oneInput, { message: 'send exactly one of messages or input' });
export type PoolingRequest = z.infer<typeof PoolingRequest>;

export const ArmoRmRequest = z
  .object({
    model: z.string().nullish(),
    messages: z.array(ChatMessage).min(1).optional(),
    conversations: z.array(z.array(ChatMessage).min(1)).min(1).optional(),
  })
  .refine((r) => (r.messages === undefined) !== (r.conversations === undefined), { message: 'send exactly one of messages or conversations' });
export type ArmoRmRequest = z.infer<typeof ArmoRmRequest>;

/** Validates a JSON body. Throws BadRequestError naming every invalid field. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new BadRequestError(`invalid request: ${issues}`, { cause: parsed.error });
}

/** The text of a message, joining text parts. */
export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return (content ?? []).map((p) => p.text ?? '').join('');
}

/** The request's stop strings as a list. */
export function stopList(stop: string | string[] | null | undefined): string[] {
  if (stop === null || stop === undefined) return [];
  return typeof stop === 'string' ? [stop] : stop;
}

export const EmbeddingsRequest = z.object({
  model: z.string().nullish(),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  dimensions: z.number().int().min(1).nullish(),
});
export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequest>;

/** The body of POST /sim/truth: problem texts and, optionally, one response per problem to judge. */
export const TruthRequest = z.strictObject({
  problems: z.array(z.string()).min(1).max(10_000),
  responses: z.array(z.string().nullable()).optional(),
});
export type TruthRequest = z.infer<typeof TruthRequest>;
