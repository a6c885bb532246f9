import { Streams, Subjects } from '@magpie/contracts';
import { NatsServerFixture } from '@magpie/testing';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from './connect-nats.js';
import { counterValues } from './counters.js';
import { KvBucket } from './kv-bucket.js';
import { provisionStreams } from './provision-streams.js';
import { Publisher } from './publisher.js';
import { subjectCounts } from './stream-reader.js';

let nats: NatsServerFixture;
let nc: NatsConnection;
let jsm: JetStreamManager;
let publisher: Publisher;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'counters-test' });
  jsm = await jetstreamManager(nc);
  await provisionStreams(jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  // Provisioning twice (every service does at start) keeps the counter stream as it is.
  await provisionStreams(jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  publisher = new Publisher({ js: jetstream(nc) });
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

describe('counters on the QUALITY stream', () => {
  const saved = Subjects.qualityCounter('run-c', { facet: 'tokens', value: 'saved' });
  const verified = Subjects.qualityCounter('run-c', { facet: 'sft', value: 'verified' });

  it('sum increments, apply a retried increment (same message id) once, and read 0 for a subject never incremented', async () => {
    await publisher.increment(saved, 1_200, 'run-c:0:tokens');
    const retried = await publisher.increment(saved, 1_200, 'run-c:0:tokens');
    await publisher.increment(saved, 800, 'run-c:1:tokens');
    await publisher.increment(verified, 1, 'run-c:0:sft');
    expect(retried.duplicate).toBe(true);
    const untouched = Subjects.qualityCounter('run-c', { facet: 'sft', value: 'no_answer' });
    expect(await counterValues(jsm, Streams.quality.name, [saved, verified, untouched])).toEqual({ [saved]: 2_000, [verified]: 1, [untouched]: 0 });
    // One stored message per applied increment, so +1 counters can also be read as per-subject counts.
    expect(await subjectCounts(jsm, Streams.quality.name, Subjects.qualityOfRun('run-c'))).toEqual({ [saved]: 2, [verified]: 1 });
    expect((await jsm.streams.info(Streams.quality.name)).config.allow_msg_counter).toBe(true);
  });

  it('refuse a fractional increment before sending it', async () => {
    await expect(publisher.increment(saved, 1.5, 'run-c:2:tokens')).rejects.toThrow(RangeError);
  });
});

describe('KvBucket with a time to live', () => {
  it('creates its bucket with the age limit', async () => {
    const bucket = await KvBucket.open(nc, 'ttl-test', { history: 1, ttlMs: 60_000 });
    await bucket.create('k', 'v');
    expect((await bucket.get('k'))?.text).toBe('v');
    expect((await jsm.streams.info('KV_ttl-test')).config.max_age).toBe(60_000 * 1_000_000);
  });
});
