import type { RunState, RunStatus } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { RunIndex } from './run-index.js';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function run(i: number, status: RunStatus = 'running', extra: Partial<RunState> = {}): RunState {
  const state = fixtures.runState({ runId: `run-${String(i).padStart(3, '0')}`, status, createdAt: at(i), updatedAt: at(i), ...extra });
  return { ...state, spec: { ...state.spec, domain: i % 2 === 0 ? 'algebra' : 'geometry' } };
}

const ids = (runs: readonly RunState[]): string[] => runs.map((r) => r.runId);

describe('RunIndex', () => {
  it('lists newest first in pages whose tokens continue where the last page ended', () => {
    const index = new RunIndex();
    for (let i = 0; i < 25; i++) index.put(run(i));
    const first = index.list({}, 10, '');
    expect(ids(first.runs)).toEqual(Array.from({ length: 10 }, (_, k) => `run-${String(24 - k).padStart(3, '0')}`));
    // A run created between pages does not shift the next page.
    index.put(run(30));
    const second = index.list({}, 10, first.nextPageToken);
    expect(ids(second.runs)[0]).toBe('run-014');
    const third = index.list({}, 10, second.nextPageToken);
    expect(ids(third.runs)).toHaveLength(5);
    expect(third.nextPageToken).toBe('');
  });

  it('filters by status, domain and label, together, and follows a run changing status', () => {
    const index = new RunIndex();
    for (let i = 0; i < 12; i++) index.put(run(i, i % 3 === 0 ? 'succeeded' : 'running', i % 4 === 0 ? { labels: { team: 'math' } } : {}));
    expect(ids(index.list({ status: 'succeeded' }, 100, '').runs)).toEqual(['run-009', 'run-006', 'run-003', 'run-000']);
    expect(ids(index.list({ status: 'succeeded', domain: 'algebra' }, 100, '').runs)).toEqual(['run-006', 'run-000']);
    expect(ids(index.list({ label: 'team=math' }, 100, '').runs)).toEqual(['run-008', 'run-004', 'run-000']);
    expect(ids(index.list({ label: 'team', status: 'running' }, 100, '').runs)).toEqual(['run-008', 'run-004']);
    index.put({ ...run(8, 'cancelled', { labels: { team: 'math' } }), updatedAt: at(99) });
    expect(ids(index.list({ label: 'team', status: 'running' }, 100, '').runs)).toEqual(['run-004']);
    expect(index.countByStatus('cancelled')).toBe(1);
    // An older document never replaces a newer one (a replay of the change feed).
    index.put(run(8, 'running', { labels: { team: 'math' } }));
    expect(index.get('run-008')?.status).toBe('cancelled');
  });

  it('indexes every domain of a mixed run', () => {
    const index = new RunIndex();
    const mixed = run(1);
    index.put({
      ...mixed,
      spec: {
        ...mixed.spec,
        domain: 'mixed',
        domainMix: [
          { domain: 'calculus', count: 2, firstSlot: 0, subtopics: [], instructionTemperature: 1 },
          { domain: 'statistics', count: 2, firstSlot: 2, subtopics: [], instructionTemperature: 1 },
        ],
      },
    });
    expect(ids(index.list({ domain: 'statistics' }, 10, '').runs)).toEqual(['run-001']);
  });

  it('refuses a page token of another listing', () => {
    const index = new RunIndex();
    for (let i = 0; i < 5; i++) index.put(run(i));
    const page = index.list({}, 2, '');
    expect(() => index.list({ status: 'running' }, 2, page.nextPageToken)).toThrow(InvalidArgumentError);
    expect(() => index.list({}, 2, 'not-a-token')).toThrow(/page_token/);
  });
});
