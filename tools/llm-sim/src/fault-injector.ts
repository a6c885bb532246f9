import { deriveSeed } from '@magpie/llm';
import { Rng } from './rng.js';

/** The probability of each fault per generation/scoring request. */
export interface FaultRates {
  /** Answer 500, 503 or 429 (the last two with Retry-After: 1). */
  readonly error: number;
  /** Never answer; the socket stays open until the client gives up. */
  readonly hang: number;
  /** Answer correctly but slowFactor times later. */
  readonly slow: number;
  /** Answer 200 with a body that is not valid JSON. */
  readonly malformed: number;
  /** Destroy the connection without answering. */
  readonly reset: number;
}

export interface FaultSettings extends FaultRates {
  /** How many times its normal latency a slow request takes (≥ 1). */
  readonly slowFactor: number;
}

/** What happens to one request. */
export type Fault =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly status: 500 | 503 | 429 }
  | { readonly kind: 'hang' | 'slow' | 'malformed' | 'reset' };

/** The label a fault is counted under in magpie_sim_faults_total. */
export type FaultLabel = 'error_500' | 'error_503' | 'error_429' | 'hang' | 'slow' | 'malformed' | 'reset';

export const NO_FAULTS: FaultSettings = Object.freeze({ error: 0, hang: 0, slow: 0, malformed: 0, reset: 0, slowFactor: 10 });

const KINDS = ['error', 'hang', 'slow', 'malformed', 'reset'] as const;
const ERROR_STATUSES = [500, 503, 429] as const;

/** Thrown for rates outside [0, 1], rates that add up to more than 1, or a slowFactor below 1. */
export class FaultSettingsError extends Error {
  override readonly name = 'FaultSettingsError';
}

/** Validates settings; throws FaultSettingsError naming what is wrong. */
export function validateFaultSettings(settings: FaultSettings): FaultSettings {
  for (const kind of KINDS) {
    const rate = settings[kind];
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new FaultSettingsError(`${kind} rate must be in [0, 1], got ${rate}`);
  }
  const total = KINDS.reduce((sum, kind) => sum + settings[kind], 0);
  if (total > 1 + 1e-9) throw new FaultSettingsError(`fault rates add up to ${total}, more than 1`);
  if (!Number.isFinite(settings.slowFactor) || settings.slowFactor < 1) throw new FaultSettingsError(`slowFactor must be ≥ 1, got ${settings.slowFactor}`);
  return Object.freeze({ ...settings });
}

/** The metric label of a fault; undefined for none. */
export function faultLabel(fault: Fault): FaultLabel | undefined {
  switch (fault.kind) {
    case 'none':
      return undefined;
    case 'error':
      return `error_${fault.status}`;
    case 'hang':
    case 'slow':
    case 'malformed':
    case 'reset':
      return fault.kind;
  }
}

/**
 * Decides each request's fault from a PRNG seeded with (seed, request counter), so the same seed
 * and the same order of requests give the same faults. Rates can change at runtime; the counter
 * keeps counting.
 */
export class FaultInjector {
  readonly #seed: number;
  #settings: FaultSettings;
  #counter = 0;

  /** Throws FaultSettingsError for invalid settings. */
  constructor(options: { seed: number; settings?: FaultSettings }) {
    this.#seed = options.seed;
    this.#settings = validateFaultSettings(options.settings ?? NO_FAULTS);
  }

  get settings(): FaultSettings {
    return this.#settings;
  }

  /** Replaces the settings (fields left out keep their value). Throws FaultSettingsError and then changes nothing. */
  update(patch: Partial<FaultSettings>): FaultSettings {
    this.#settings = validateFaultSettings({ ...this.#settings, ...patch });
    return this.#settings;
  }

  /** The fault for the next request; every call draws, so the sequence depends only on seed and order. */
  next(): Fault {
    this.#counter += 1;
    return faultAt(this.#seed, this.#counter, this.#settings);
  }
}

/** The fault of the `k`-th request (from 1) under `seed` and `rates`: a pure function, whatever the timing. */
export function faultAt(seed: number, k: number, rates: FaultRates): Fault {
  const rng = new Rng(deriveSeed(seed, 'fault', k));
  const u = rng.next();
  const status = rng.pick(ERROR_STATUSES);
  let edge = 0;
  for (const kind of KINDS) {
    edge += rates[kind];
    if (u < edge) return kind === 'error' ? { kind, status } : { kind };
  }
  return { kind: 'none' };
}
