import type { ModelEntry } from '@magpie/catalog';
import type { StopRules } from './finish-text.js';
import { stopList } from './request-schemas.js';

export interface StopFields {
  readonly stop?: string | string[] | null;
  readonly stop_token_ids?: number[] | null;
  readonly include_stop_str_in_output?: boolean | null;
  readonly skip_special_tokens?: boolean | null;
}

/**
 * The stop rules of one request for one model. A stop_token_id counts when it is one of the model's
 * stopTokenIds; the token text at the same position in stopTokens is what ends the text.
 */
export function stopRulesFor(model: ModelEntry, fields: StopFields, maxTokens: number): StopRules {
  const ids = fields.stop_token_ids ?? [];
  const stopTokens = model.stopTokens.flatMap((text, i) => {
    const id = model.stopTokenIds[i];
    return id !== undefined && ids.includes(id) ? [{ text, id }] : [];
  });
  return {
    stop: stopList(fields.stop),
    stopTokens,
    specialTokens: [...model.stopTokens, ...(model.bosToken === null ? [] : [model.bosToken])],
    includeStopStrInOutput: fields.include_stop_str_in_output === true,
    skipSpecialTokens: fields.skip_special_tokens !== false,
    maxTokens,
  };
}
