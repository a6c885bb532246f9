import type { SchedulingPolicy } from './batch-scheduler.js';
import { BadRequestError } from './errors.js';

/**
 * A generation or scoring request's `priority` (vLLM's extra, default 0). Throws BadRequestError
 * for a value that is not an integer, and, as vLLM does under its default `fcfs` policy, for any
 * priority but 0 when priority scheduling is off.
 */
export function requestPriority(body: unknown, policy: SchedulingPolicy): number {
  const value = typeof body === 'object' && body !== null ? (body as { priority?: unknown }).priority : undefined;
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new BadRequestError(`priority: must be an integer, got ${JSON.stringify(value)}`);
  if (value !== 0 && policy !== 'priority') throw new BadRequestError(`Got priority ${value} but Priority scheduling is not enabled.`);
  return value;
}
