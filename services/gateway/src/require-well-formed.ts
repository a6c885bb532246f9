import { RunCancelled, RunId, RunSpec, RunState, StageSettings } from '@magpie/contracts';
import { z } from 'zod';
import { InvalidArgumentError } from './errors.js';
import { UndecodableRequest } from './tolerant-service.js';

/** Limit of any string field without one of its own (and of a contract string without a maximum). */
export const DEFAULT_STRING_LIMIT = 256;

const max = (schema: { readonly maxLength: number | null }): number => schema.maxLength ?? DEFAULT_STRING_LIMIT;

/**
 * Longest value accepted per string field (by the field's own name, wherever it appears), taken
 * from the contracts the field is stored in, so a request can never carry what a record refuses.
 */
export const STRING_LIMITS: Readonly<Record<string, number>> = {
  run_id: max(RunId),
  domain: max(RunSpec.shape.domain),
  model: max(StageSettings.shape.model),
  reward_model: max(RunSpec.shape.reward.shape.model),
  request_id: max(RunState.shape.clientRequestId.unwrap()),
  reason: max(RunCancelled.shape.reason),
  // A pair rule is one of a few short names; anything longer is not one.
  pair_rule: 32,
  subtopics: max(RunSpec.shape.subtopics.element),
};
/** Most entries a repeated field may have: RunSpec's bound on subtopics, the one repeated field. */
export const MAX_REPEATED = z.toJSONSchema(RunSpec.shape.subtopics).maxItems ?? 64;

const REPLACEMENT_CHARACTER = '\uFFFD';

function checkString(path: string, name: string, value: string): void {
  // protobufjs decodes invalid UTF-8 to U+FFFD; a client never has a reason to send it.
  if (value.includes(REPLACEMENT_CHARACTER)) throw new InvalidArgumentError(path, 'is not valid UTF-8');
  const limit = STRING_LIMITS[name] ?? DEFAULT_STRING_LIMIT;
  if (value.length > limit) throw new InvalidArgumentError(path, `longer than ${limit} characters`);
}

function check(path: string, name: string, value: unknown): void {
  if (typeof value === 'string') {
    checkString(path, name, value);
  } else if (Array.isArray(value)) {
    if (value.length > MAX_REPEATED) throw new InvalidArgumentError(path, `more than ${MAX_REPEATED} entries`);
    value.forEach((item, i) => check(`${path}[${i}]`, name, item));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      // proto-loader's virtual oneof keys (`_seed`) name a field; they are not data.
      if (!key.startsWith('_')) check(path ? `${path}.${key}` : key, key, child);
    }
  }
}

/**
 * Returns the decoded request once it is well-formed. Throws InvalidArgumentError naming the field
 * when the bytes could not be decoded (`request`), a string is not valid UTF-8, a string is longer
 * than its limit, or a repeated field has more than {@link MAX_REPEATED} entries.
 */
export function requireWellFormed<T>(request: T): T {
  if (request instanceof UndecodableRequest) throw new InvalidArgumentError('request', `cannot be decoded (${request.reason})`);
  check('', '', request);
  return request;
}
