import { describe, expect, it } from 'vitest';
import { slotsPerTaskFor } from './planner-stage.js';

describe('slotsPerTaskFor', () => {
  it('spreads a small run over every subtopic', () => {
    expect(slotsPerTaskFor(50, 5, 25)).toBe(10);
    expect(slotsPerTaskFor(3, 5, 25)).toBe(1);
  });

  it('caps large runs at the configured task size', () => {
    expect(slotsPerTaskFor(10_000, 5, 25)).toBe(25);
  });

  it('treats a run without subtopics as one subtopic', () => {
    expect(slotsPerTaskFor(40, 0, 25)).toBe(25);
  });
});
