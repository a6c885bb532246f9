import { z } from 'zod';

export const INSTRUCTION_PLACEHOLDER = '{instruction}';
export const RESPONSE_PLACEHOLDER = '{response}';

/**
 * How a `/classify` reward model reads one (instruction, response) pair: its chat template written
 * out as one string. vLLM's `/classify` takes a batch only as already-templated `input` strings
 * (`messages` is one conversation per request), so the reward client renders this itself and the
 * simulator splits it back; both read it from the catalog entry, never a copy.
 */
export const RewardConversation = z
  .object({
    /** The scored text with `{instruction}` and `{response}` once each, instruction first. */
    template: z.string().min(1),
    /**
     * The BOS text the template begins with, or null when it begins without one. With BOS in the
     * text the request must send `add_special_tokens: false`, or vLLM prepends a second BOS.
     */
    bosToken: z.string().min(1).nullable(),
    /** Whether the model's own chat template trims each message's content (Jinja `| trim`). */
    trimContent: z.boolean(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const placeholder of [INSTRUCTION_PLACEHOLDER, RESPONSE_PLACEHOLDER]) {
      if (c.template.split(placeholder).length !== 2) ctx.addIssue({ code: 'custom', path: ['template'], message: `must contain ${placeholder} exactly once` });
    }
    const instructionAt = c.template.indexOf(INSTRUCTION_PLACEHOLDER);
    const responseAt = c.template.indexOf(RESPONSE_PLACEHOLDER);
    if (instructionAt >= 0 && responseAt >= 0) {
      // The text between the two is what splits a rendered string back into its pair.
      if (responseAt < instructionAt + INSTRUCTION_PLACEHOLDER.length + 1) {
        ctx.addIssue({ code: 'custom', path: ['template'], message: `{instruction} must come first, with text between it and {response}` });
      }
    }
    if (c.bosToken !== null && !c.template.startsWith(c.bosToken)) {
      ctx.addIssue({ code: 'custom', path: ['bosToken'], message: 'the template must begin with bosToken (null when it begins without BOS)' });
    }
  });
export type RewardConversation = z.infer<typeof RewardConversation>;
