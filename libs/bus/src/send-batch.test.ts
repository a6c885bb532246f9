import { describe, expect, it } from 'vitest';
import { SendBatch } from './send-batch.js';

describe('SendBatch', () => {
  it('makes the sends of one turn together on the next, in the order they were queued', async () => {
    const batch = new SendBatch();
    const made: string[] = [];
    batch.run(() => made.push('a'));
    await Promise.resolve();
    batch.run(() => made.push('b'));
    batch.run(() => made.push('c'));
    expect(made).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toEqual(['a', 'b', 'c']);
  });

  it('settles start() as the promise its callback returns, and rejects when the callback throws', async () => {
    const batch = new SendBatch();
    await expect(batch.start(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(batch.start(() => Promise.reject(new Error('no ack')))).rejects.toThrow('no ack');
    await expect(
      batch.start(() => {
        throw new Error('closed');
      }),
    ).rejects.toThrow('closed');
  });

  it('makes every queued send at once on flush()', () => {
    const batch = new SendBatch();
    const made: number[] = [];
    batch.run(() => made.push(1));
    batch.run(() => made.push(2));
    batch.flush();
    expect(made).toEqual([1, 2]);
  });
});
