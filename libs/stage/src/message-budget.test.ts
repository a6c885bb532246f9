import { describe, expect, it } from 'vitest';
import { MessageBudget } from './message-budget.js';

describe('MessageBudget', () => {
  it("fills the pool's sequences: 256 of them hold 51 calls of 5, 128 of 2, 16 of 16", () => {
    expect(new MessageBudget(() => 256, 5).messages).toBe(51);
    const budget = new MessageBudget(() => 256, 5);
    for (let i = 0; i < 100; i++) budget.observe(2);
    expect(budget.messages).toBe(128);
    for (let i = 0; i < 100; i++) budget.observe(16);
    expect(budget.messages).toBe(16);
  });

  it('follows the capacity as replicas come and go, and never asks for fewer than one message', () => {
    let capacity = 256;
    const budget = new MessageBudget(() => capacity, 1);
    expect(budget.messages).toBe(256);
    capacity = 512;
    expect(budget.messages).toBe(512);
    for (let i = 0; i < 100; i++) budget.observe(4_096);
    expect(budget.messages).toBe(1);
    expect(budget.maxMessages).toBe(512);
  });
});
