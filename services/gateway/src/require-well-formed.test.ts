import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { requireWellFormed } from './require-well-formed.js';
import { UndecodableRequest } from './tolerant-service.js';

function fieldOf(request: unknown): string | undefined {
  try {
    requireWellFormed(request);
  } catch (err) {
    if (err instanceof InvalidArgumentError) return err.field;
    throw err;
  }
  return undefined;
}

describe('requireWellFormed', () => {
  it('passes well-formed requests through unchanged', () => {
    const request = { domain: 'algebra', subtopics: ['quadratics'], generator: { model: 'm', sampling: null }, _seed: 'seed', seed: 3 };
    expect(requireWellFormed(request)).toBe(request);
  });

  it.each([
    [{ run_id: 'x'.repeat(65) }, 'run_id'],
    [{ domain: 'd'.repeat(65) }, 'domain'],
    [{ model: 'm'.repeat(257) }, 'model'],
    [{ solver: { model: 'm'.repeat(257), sampling: null } }, 'solver.model'],
    [{ reward_model: 'r'.repeat(257) }, 'reward_model'],
    [{ request_id: 'c'.repeat(129) }, 'request_id'],
    [{ reason: 'r'.repeat(1_025) }, 'reason'],
    [{ pair_rule: 'p'.repeat(33) }, 'pair_rule'],
    [{ subtopics: ['ok', 's'.repeat(129)] }, 'subtopics[1]'],
    [{ subtopics: Array.from({ length: 65 }, () => 'a') }, 'subtopics'],
    [{ run_id: 'run-\uFFFD' }, 'run_id'],
    [{ generator: { model: 'bad\uFFFD', sampling: null } }, 'generator.model'],
    [{ subtopics: ['\uFFFD'] }, 'subtopics[0]'],
  ])('rejects %j naming %s', (request, field) => {
    expect(fieldOf(request)).toBe(field);
  });

  it('rejects an undecodable request as `request`', () => {
    expect(fieldOf(new UndecodableRequest('index out of range'))).toBe('request');
  });
});
