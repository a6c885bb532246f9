import { createHash } from 'node:crypto';
import type { RunSpec } from './run-spec.js';

/** The stages whose backend requests carry a seed. */
export type SeededStage = 'generator' | 'solver' | 'sampler';

/**
 * The spec fields that shape a stage's requests. Only these enter its seeds, so two runs that
 * differ in anything else — the reward rule, the filters, the count, a dataset name — ask the
 * backend for the same problems, solutions and samples, and their pairs can be compared one to
 * one. `samplesPerProblem` and adaptive sampling are left out of the sampler's scope on purpose:
 * choice k of a request does not depend on how many choices it asks for.
 */
function scopedFields(spec: RunSpec, stage: SeededStage): unknown {
  switch (stage) {
    case 'generator':
      return { domain: spec.domain, subtopics: spec.subtopics, generator: spec.generator };
    case 'solver':
      return { solver: spec.solver };
    case 'sampler':
      return { model: spec.sampler.model, sampling: spec.sampler.sampling };
  }
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const cache = new WeakMap<RunSpec, Map<SeededStage, string>>();

/**
 * A stable fingerprint (16 hex digits of SHA-256) of the spec fields that shape `stage`'s
 * requests. Request seeds are `deriveSeed(spec.seed, seedScope(spec, stage), slot, …)`: the same
 * seed and spec give the same seeds in every run, and the run id never enters them.
 */
export function seedScope(spec: RunSpec, stage: SeededStage): string {
  let perStage = cache.get(spec);
  if (!perStage) {
    perStage = new Map();
    cache.set(spec, perStage);
  }
  let scope = perStage.get(stage);
  if (scope === undefined) {
    scope = `${stage}:${createHash('sha256').update(canonicalJson(scopedFields(spec, stage))).digest('hex').slice(0, 16)}`;
    perStage.set(stage, scope);
  }
  return scope;
}
