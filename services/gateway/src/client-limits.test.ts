import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { ClientLimits, clientKey } from './client-limits.js';
import { LimitExceededError } from './errors.js';

describe('ClientLimits', () => {
  it('refuses calls beyond MAX_CALLS_PER_CLIENT in flight, per client, and admits again once one ends', () => {
    const limits = new ClientLimits({ maxCalls: 2, maxStreams: 1, ratePerSecond: 0 });
    const a = limits.admit('a', 'call');
    limits.admit('a', 'call');
    expect(() => limits.admit('a', 'call')).toThrow(/MAX_CALLS_PER_CLIENT: 2/);
    expect(() => limits.admit('b', 'call')).not.toThrow();
    a();
    a();
    expect(() => limits.admit('a', 'call')).not.toThrow();
    limits.admit('a', 'stream');
    expect(() => limits.admit('a', 'stream')).toThrow(LimitExceededError);
  });

  it('refuses calls beyond CLIENT_RATE_PER_SECOND once the burst is spent, and refills over time', () => {
    let now = 0;
    const limits = new ClientLimits({ maxCalls: 1_000, maxStreams: 10, ratePerSecond: 5, now: () => now });
    for (let i = 0; i < 10; i++) limits.admit('a', 'call')();
    expect(() => limits.admit('a', 'call')).toThrow(/CLIENT_RATE_PER_SECOND: more than 5/);
    now = 1_000;
    for (let i = 0; i < 5; i++) limits.admit('a', 'call')();
    expect(() => limits.admit('a', 'call')).toThrow(LimitExceededError);
  });

  it('tells clients apart by token, else by peer address without the port', () => {
    const md = new grpc.Metadata();
    expect(clientKey(md, 'ipv4:127.0.0.1:5000')).toBe(clientKey(md, 'ipv4:127.0.0.1:6000'));
    md.set('authorization', 'Bearer secret');
    const key = clientKey(md, 'ipv4:127.0.0.1:5000');
    expect(key).toMatch(/^token:[0-9a-f]{16}$/);
    expect(key).not.toContain('secret');
  });
});
