import { describe, expect, it } from 'vitest';
import { BackendPool } from './backend-pool.js';
import { HeadlessServiceResolver } from './headless-service.js';

describe('HeadlessServiceResolver', () => {
  it("turns a service name into one replica URL per address, keeping scheme, port and path", async () => {
    const seen: string[][] = [];
    const resolver = new HeadlessServiceResolver({ serviceUrl: 'http://localhost:8123/v1', refreshMs: 60_000, onChange: (u) => seen.push(u) });
    const urls = await resolver.start();
    resolver.stop();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|\[::1\]):8123\/v1$/);
    expect(seen).toEqual([urls]);
  });

  it('fails clearly for a name that does not resolve', async () => {
    const resolver = new HeadlessServiceResolver({ serviceUrl: 'http://no-such-service.invalid:8000/v1', refreshMs: 60_000, onChange: () => undefined });
    await expect(resolver.start()).rejects.toThrow();
  });
});

describe('BackendPool.setBaseUrls', () => {
  it('adds new replicas, keeps known ones and drops missing ones', async () => {
    const pool = new BackendPool({ baseUrls: ['http://a/v1'], createClient: (u) => u, window: { initial: 2, min: 1, max: 2, targetWaiting: 1 }, probeIntervalMs: 0 });
    pool.setBaseUrls(['http://a/v1', 'http://b/v1']);
    expect(pool.stats().map((s) => s.baseUrl)).toEqual(['http://a/v1', 'http://b/v1']);
    expect(pool.maxSequences).toBe(4);
    pool.setBaseUrls(['http://b/v1']);
    const used = new Set<string>();
    for (let i = 0; i < 3; i++) await pool.run({ sequences: 1 }, (u) => Promise.resolve(used.add(u)));
    expect([...used]).toEqual(['http://b/v1']);
    expect(() => pool.setBaseUrls([])).toThrow(RangeError);
  });
});
