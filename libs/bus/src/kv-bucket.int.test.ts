import { NatsServerFixture, waitFor } from '@magpie/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from './connect-nats.js';
import { FailureCounter } from './failure-counter.js';
import { KvBucket } from './kv-bucket.js';

let nats: NatsServerFixture;
let nc: NatsConnection;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'kv-test' });
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

describe('a memory KV bucket', () => {
  it('is created again after a NATS restart took it away, on the first call that needs it', async () => {
    const bucket = await KvBucket.open(nc, 'memtest', { history: 1, storage: 'memory', ttlMs: 60_000 });
    const counter = await FailureCounter.open(nc);
    await bucket.put('a', 'before');
    await counter.record('solver', 'RECORDS', 3, 2);
    await nats.restart();
    await waitFor('the reconnect', () => nc.flush().then(() => true, () => false), 20_000, 100);
    // nats-server keeps no memory stream across a restart: the values are gone, the bucket works.
    expect(await bucket.get('a')).toBeUndefined();
    await bucket.put('a', 'after');
    expect((await bucket.get('a'))?.text).toBe('after');
    expect(await counter.failures('solver', 'RECORDS', 3)).toBe(0);
    await counter.record('solver', 'RECORDS', 3, 1);
    expect(await counter.failures('solver', 'RECORDS', 3)).toBe(1);
  });
});
