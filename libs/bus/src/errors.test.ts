import { describe, expect, it } from 'vitest';
import { StoreFullError, errorChainText, isStoreFull } from './errors.js';

describe('errorChainText', () => {
  it("keeps the server's reason that a wrapper's message hides", () => {
    const server = new Error('insufficient resources');
    const wrapped = new Error('cannot append to the duplicate index run.r1', { cause: server });
    expect(errorChainText(wrapped)).toBe('cannot append to the duplicate index run.r1: insufficient resources');
  });

  it('does not repeat a cause the message already quotes', () => {
    const server = new Error('insufficient resources');
    const wrapped = new StoreFullError('cannot store runs.r1: insufficient resources', { cause: server });
    expect(errorChainText(wrapped)).toBe('cannot store runs.r1: insufficient resources');
  });

  it('reads non-Error throws', () => {
    expect(errorChainText('boom')).toBe('boom');
    expect(errorChainText(new Error('outer', { cause: 42 }))).toBe('outer: 42');
  });
});

describe('isStoreFull', () => {
  it('finds a full store anywhere in the cause chain, and nothing else', () => {
    expect(isStoreFull(new Error('wrapper', { cause: new Error('insufficient resources') }))).toBe(true);
    expect(isStoreFull(new StoreFullError('x'))).toBe(true);
    expect(isStoreFull(new Error('timeout'))).toBe(false);
  });
});
