import { describe, expect, it } from 'vitest';
import { splitReasoning } from './split-reasoning.js';

describe('splitReasoning', () => {
  it('splits inline <think> blocks', () => {
    expect(splitReasoning('<think>\nlet x=2\n</think>\n\nSo \\boxed{2}.', null)).toEqual({
      reasoning: 'let x=2',
      response: 'So \\boxed{2}.',
      truncatedReasoning: false,
    });
  });

  it('handles a reply that holds only the closing tag (the template opened <think>)', () => {
    expect(splitReasoning('thinking...\n</think>\nAnswer', null)).toMatchObject({ reasoning: 'thinking...', response: 'Answer' });
  });

  it('prefers the server-parsed reasoning field', () => {
    expect(splitReasoning('Answer', 'thought')).toEqual({ reasoning: 'thought', response: 'Answer', truncatedReasoning: false });
  });

  it('flags a think block that never closes as truncated', () => {
    expect(splitReasoning('<think>going on and on', null)).toEqual({ reasoning: 'going on and on', response: '', truncatedReasoning: true });
  });

  it('leaves plain answers alone', () => {
    expect(splitReasoning('  42 ', undefined)).toEqual({ reasoning: null, response: '42', truncatedReasoning: false });
  });
});
