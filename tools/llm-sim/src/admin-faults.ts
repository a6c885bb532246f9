import { z } from 'zod';
import { BadRequestError } from './errors.js';
import { FaultSettingsError, type FaultInjector, type FaultSettings } from './fault-injector.js';
import { parseRequest } from './request-schemas.js';

const rate = z.number().min(0).max(1);

/** The body of POST /admin/faults: any subset, named like the SIM_*_RATE variables. Unknown fields are refused, so a typo cannot pass silently. */
export const FaultsPatch = z.strictObject({
  error_rate: rate.optional(),
  hang_rate: rate.optional(),
  slow_rate: rate.optional(),
  slow_factor: z.number().min(1).optional(),
  malformed_rate: rate.optional(),
  reset_rate: rate.optional(),
});

/** The JSON form of fault settings that GET and POST /admin/faults answer with. */
export function faultsBody(s: FaultSettings): object {
  return { error_rate: s.error, hang_rate: s.hang, slow_rate: s.slow, slow_factor: s.slowFactor, malformed_rate: s.malformed, reset_rate: s.reset };
}

/** Applies a POST /admin/faults body. Throws BadRequestError for a bad body or rates that add up to more than 1. */
export function applyFaultsPatch(faults: FaultInjector, body: unknown): object {
  const patch = parseRequest(FaultsPatch, body);
  const update: Partial<{ -readonly [K in keyof FaultSettings]: FaultSettings[K] }> = {};
  if (patch.error_rate !== undefined) update.error = patch.error_rate;
  if (patch.hang_rate !== undefined) update.hang = patch.hang_rate;
  if (patch.slow_rate !== undefined) update.slow = patch.slow_rate;
  if (patch.slow_factor !== undefined) update.slowFactor = patch.slow_factor;
  if (patch.malformed_rate !== undefined) update.malformed = patch.malformed_rate;
  if (patch.reset_rate !== undefined) update.reset = patch.reset_rate;
  try {
    return faultsBody(faults.update(update));
  } catch (cause) {
    if (cause instanceof FaultSettingsError) throw new BadRequestError(cause.message, { cause });
    throw cause;
  }
}
