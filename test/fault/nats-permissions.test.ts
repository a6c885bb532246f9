import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createMagpieClient } from '@magpie/api';
import { FailureCounter, KvBucket, Publisher, connectNats, provisionStreams } from '@magpie/bus';
import { RunStore } from '@magpie/runs';
import { fixtures, LocalPlatform, NatsServerFixture, REPO_ROOT, SIM_IDEAL_ENV, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The per-service users of configs/nats/nats-server.conf against a real nats-server: each service
// can do its own work, cannot produce another stage's records, and a wrong password is refused.

const CONFIG_FILE = join(REPO_ROOT, 'configs/nats/nats-server.conf');
const USERS = ['gateway', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'admin'] as const;
type User = (typeof USERS)[number];
const PASSWORDS = Object.fromEntries(USERS.map((u) => [u, randomBytes(12).toString('hex')])) as Record<User, string>;
const PASSWORD_ENV = Object.fromEntries(USERS.map((u) => [`${u.toUpperCase()}_NATS_PASS`, PASSWORDS[u]]));
const RUN = fixtures.RUN_ID;
const STREAM_OPTIONS = { duplicateWindowMs: 60_000, retentionMs: 3_600_000, storage: 'memory' as const };

let nats: NatsServerFixture;
const open: NatsConnection[] = [];

async function connectAs(user: User): Promise<NatsConnection> {
  const nc = await connect({ servers: nats.url, user, pass: PASSWORDS[user], name: `test-${user}` });
  open.push(nc);
  return nc;
}

/** Permission violations the server reports to this connection from now on. */
function violations(nc: NatsConnection): { operation: string; subject: string }[] {
  const seen: { operation: string; subject: string }[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && 'operation' in status.error && 'subject' in status.error) {
        seen.push({ operation: String(status.error.operation), subject: String(status.error.subject) });
      }
    }
  })();
  return seen;
}

/** Messages stored on `subject`, read by admin from the stream's per-subject state. */
async function storedOn(stream: string, subject: string): Promise<number> {
  const jsm = await jetstreamManager(await connectAs('admin'));
  const info = await jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

async function publishFails(js: JetStreamClient, subject: string): Promise<boolean> {
  return js.publish(subject, '{}', { timeout: 1_000 }).then(
    () => false,
    () => true,
  );
}

beforeAll(async () => {
  nats = await NatsServerFixture.start({ configFile: CONFIG_FILE, env: { ...process.env, ...PASSWORD_ENV } });
});

afterAll(async () => {
  await Promise.allSettled(open.map((nc) => nc.close()));
  await nats?.stop();
});

describe('configs/nats/nats-server.conf', () => {
  it('refuses a wrong password and a connection without credentials', async () => {
    await expect(connect({ servers: nats.url, user: 'solver', pass: 'wrong', reconnect: false })).rejects.toThrow(/authoriz/i);
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(/authoriz/i);
  });

  it('lets every service provision the streams and its buckets, as each does at start', async () => {
    for (const user of USERS.filter((u) => u !== 'admin')) {
      // connectNats is what the services use: NATS_USER/NATS_PASS from their environment.
      const nc = await connectNats({ servers: nats.url, name: user, user, pass: PASSWORDS[user] });
      open.push(nc);
      const seen = violations(nc);
      await provisionStreams(await jetstreamManager(nc), STREAM_OPTIONS);
      const store = await RunStore.open(nc);
      await store.notes.storeFull();
      if (user !== 'gateway') {
        // A stage counts failures under its own consumers' keys and writes the pause note.
        const durable = user === 'generator' ? 'generator-tasks' : user;
        const counter = await FailureCounter.open(nc);
        await counter.record(durable, 'RECORDS', 7, 1);
        expect(await counter.failures(durable, 'RECORDS', 7)).toBe(1);
        await counter.clear(durable, 'RECORDS', 7);
        await store.notes.setStoreFull(user === 'generator' ? 'generator' : user, 'paused: test', new Date());
        await store.notes.clearStoreFull();
      }
      await nc.flush();
      expect(seen, user).toEqual([]);
    }
  });

  it('lets each stage do its own work: gateway → generator → solver through JetStream and the runs KV', async () => {
    const gateway = await connectAs('gateway');
    const gatewaySeen = violations(gateway);
    const store = await RunStore.open(gateway);
    await store.create(fixtures.runState({ runId: RUN }));
    await jetstream(gateway).publish(`runs.v1.${RUN}.requested`, '{}', { msgID: `${RUN}:requested` });

    const generator = await connectAs('generator');
    await jetstream(generator).publish(`records.v1.${RUN}.problem`, JSON.stringify(fixtures.problem(0)), { msgID: `${RUN}:problem:0` });

    // The solver's durable consumer, created, fetched and acked the way libs/bus Worker does it.
    const solver = await connectAs('solver');
    const solverSeen = violations(solver);
    const jsm = await jetstreamManager(solver);
    await jsm.consumers.add('RECORDS', { durable_name: 'solver', filter_subject: 'records.v1.*.problem', ack_policy: AckPolicy.Explicit });
    await jsm.consumers.update('RECORDS', 'solver', { max_ack_pending: 16 });
    const js = jetstream(solver);
    const batch = await (await js.consumers.get('RECORDS', 'solver')).fetch({ max_messages: 1, expires: 2_000 });
    const subjects: string[] = [];
    for await (const msg of batch) {
      subjects.push(msg.subject);
      await js.publish(`records.v1.${RUN}.solution`, JSON.stringify(fixtures.solution(0)), { msgID: `${RUN}:solution:0` });
      // ackAck waits for the server's confirmation, so a denied $JS.ACK would fail here.
      await msg.ackAck({ timeout: 2_000 });
    }
    expect(subjects).toEqual([`records.v1.${RUN}.problem`]);
    const solverStore = await RunStore.open(solver);
    expect((await solverStore.get(RUN))?.status).toBe('running');
    expect((await solverStore.transition(RUN, 'failed', 'test')).changed).toBe(true);
    await js.publish(`runs.v1.${RUN}.finished`, '{}');
    await js.publish(`dlq.v1.${RUN}.solver`, '{}');
    await solver.flush();

    expect(await storedOn('RECORDS', `records.v1.${RUN}.solution`)).toBe(1);
    expect(solverSeen).toEqual([]);
    expect(gatewaySeen).toEqual([]);
  });

  it("refuses the solver another stage's records, consumers and stream administration", async () => {
    const solver = await connectAs('solver');
    const seen = violations(solver);
    const js = jetstream(solver);
    // A denied JetStream publish never reaches the stream, so no ack comes back.
    expect(await publishFails(js, `records.v1.${RUN}.samples`)).toBe(true);
    expect(await publishFails(js, `records.v1.${RUN}.problem`)).toBe(true);
    expect(await publishFails(js, `dlq.v1.${RUN}.sampler`)).toBe(true);
    expect(await publishFails(js, `runs.v1.${RUN}.requested`)).toBe(true);
    // Nor another stage's failure counts.
    expect(await publishFails(js, '$KV.msg_failures.sampler.RECORDS.1')).toBe(true);
    // Nothing publishes run progress any more: the subject is no one's.
    expect(await publishFails(js, `runs.v1.${RUN}.progress`)).toBe(true);
    // A core publish is answered with a permissions violation.
    solver.publish(`records.v1.${RUN}.samples`, '{}');
    await solver.flush();
    await waitFor('the permissions violation', () => Promise.resolve(seen.some((v) => v.subject === `records.v1.${RUN}.samples`)), 5_000, 20);
    expect(seen).toContainEqual({ operation: 'publish', subject: `records.v1.${RUN}.samples` });

    const jsm = await jetstreamManager(solver);
    await expect(jsm.streams.delete('RECORDS')).rejects.toThrow();
    await expect(jsm.streams.purge('RECORDS')).rejects.toThrow();
    await expect(jsm.consumers.add('RECORDS', { durable_name: 'sampler', filter_subject: 'records.v1.*.problem', ack_policy: AckPolicy.Explicit })).rejects.toThrow();
    // Reading data subjects directly is refused too: a service only gets what its consumer fetches.
    solver.subscribe('records.v1.>');
    await solver.flush();
    await waitFor('the subscription violation', () => Promise.resolve(seen.some((v) => v.operation === 'subscription')), 5_000, 20);

    expect(await storedOn('RECORDS', `records.v1.${RUN}.samples`)).toBe(0);
    expect(await storedOn('RECORDS', `records.v1.${RUN}.problem`)).toBe(1);
    expect(await storedOn('DLQ', `dlq.v1.${RUN}.sampler`)).toBe(0);
  });

  it('keeps the other stages to their own kinds', async () => {
    const denied: Record<Exclude<User, 'admin' | 'solver'>, string[]> = {
      gateway: [`records.v1.${RUN}.problem`, `runs.v1.${RUN}.progress`, `gen.tasks.v1.${RUN}`],
      generator: [`records.v1.${RUN}.solution`, `runs.v1.${RUN}.requested`, `dlq.v1.${RUN}.solver`],
      sampler: [`records.v1.${RUN}.rewards`, `records.v1.${RUN}.problem`, `rejections.v1.${RUN}.empty`],
      reward: [`records.v1.${RUN}.samples`, `runs.v1.${RUN}.cancelled`, `$KV.runs.request.x`, `flags.v1.${RUN}.contaminated`],
      tagger: [`records.v1.${RUN}.problem`, `records.v1.${RUN}.solution`, `rejections.v1.${RUN}.empty`, `flags.v1.${RUN}.contaminated`, `$KV.dedup.run.${RUN}.0`],
    };
    for (const [user, subjects] of Object.entries(denied)) {
      const js = jetstream(await connectAs(user as User));
      for (const subject of subjects) expect(await publishFails(js, subject), `${user} → ${subject}`).toBe(true);
    }
    const sampler = jetstream(await connectAs('sampler'));
    await sampler.publish(`records.v1.${RUN}.samples`, JSON.stringify(fixtures.samples(0)));
    const reward = jetstream(await connectAs('reward'));
    await reward.publish(`records.v1.${RUN}.rewards`, JSON.stringify(fixtures.rewards(0)));
    const tagger = jetstream(await connectAs('tagger'));
    await tagger.publish(`records.v1.${RUN}.tags`, JSON.stringify(fixtures.tags(0)));
    await tagger.publish(`flags.v1.${RUN}.difficulty_below_minimum`, '{}');
    expect(await publishFails(jetstream(await connectAs('sampler')), `flags.v1.${RUN}.quality_below_minimum`)).toBe(true);
  });

  it("keeps each stage to its own quality counters, and lets the reward stage use its join bucket and solution consumer", async () => {
    const counter = (facet: string, value: string) => `quality.v1.${RUN}.${facet}.${value}`;
    const denied: Record<'generator' | 'solver' | 'sampler' | 'reward' | 'gateway', string[]> = {
      generator: [counter('sft', 'verified'), counter('sampling', 'stopped')],
      solver: [counter('sft', 'verified'), counter('tokens', 'saved')],
      sampler: [counter('sft', 'verified'), counter('pair_kept', 'correctness'), counter('agreement', 'unanimous')],
      reward: [counter('sampling', 'stopped'), counter('tokens', 'saved')],
      gateway: [counter('agreement', 'tie')],
    };
    for (const [user, subjects] of Object.entries(denied)) {
      const js = jetstream(await connectAs(user as User));
      for (const subject of subjects) expect(await publishFails(js, subject), `${user} → ${subject}`).toBe(true);
    }
    const increment = async (user: User, subject: string): Promise<void> => {
      const nc = await connectAs(user);
      await new Publisher({ js: jetstream(nc), maxAttempts: 1 }).increment(subject, 1, `${subject}:test`);
    };
    await increment('sampler', counter('sampling', 'stopped'));
    await increment('reward', counter('sft', 'verified'));
    expect(await storedOn('QUALITY', counter('sft', 'verified'))).toBe(1);

    const reward = await connectAs('reward');
    const seen = violations(reward);
    const joins = await KvBucket.open(jetstream(reward), 'reward-joins', { history: 1, ttlMs: 3_600_000 });
    await joins.create(`${RUN}.0`, '{}');
    expect((await joins.get(`${RUN}.0`))?.text).toBe('{}');
    const jsm = await jetstreamManager(reward);
    await jsm.consumers.add('RECORDS', { durable_name: 'reward-solutions', filter_subject: 'records.v1.*.solution', ack_policy: AckPolicy.Explicit });
    const solutions = await (await jetstream(reward).consumers.get('RECORDS', 'reward-solutions')).fetch({ max_messages: 1, expires: 2_000 });
    for await (const msg of solutions) {
      // The solution completes a join: its samples record is re-read by stream sequence.
      expect(await jsm.streams.getMessage('RECORDS', { seq: msg.seq })).not.toBeNull();
      await msg.ackAck({ timeout: 2_000 });
    }
    await reward.flush();
    expect(seen).toEqual([]);
    // The solver may not read another stage's join state.
    await expect(KvBucket.open(jetstream(await connectAs('solver')), 'reward-joins', { history: 1, ttlMs: 3_600_000 })).rejects.toThrow();
  });

  it('runs the real platform with one user per service and no permission violation', async () => {
    // The launcher's own plan: this config with the platform's passwords, each service's given to it
    // alone; the generator also gets the shipped benchmark fixture for decontamination.
    const platform = await LocalPlatform.start({
      baseEnv: process.env,
      simEnv: SIM_IDEAL_ENV,
      componentEnv: { generator: { DECONTAMINATION_DIR: join(REPO_ROOT, 'services/generator/fixtures/decontamination') } },
    });
    const client = createMagpieClient(platform.grpcAddress);
    try {
      await client.waitForReady(30_000);
      // Every data-quality feature: the dataset's shared index (KV), masking, embeddings, decontamination flags, tags.
      const started = await client.startRun({
        domain: 'algebra',
        count: 3,
        data_quality: { dataset: 'permissions', mask_values: true, embedding_model: 'sentence-transformers/all-mpnet-base-v2', decontamination: 'DECONTAMINATION_MODE_FLAG', tags: true },
      });
      const runId = started.run?.run_id ?? '';
      await waitFor('the run to succeed', async () => (await client.getRun({ run_id: runId })).status === 'RUN_STATUS_SUCCEEDED', 90_000, 200);
      const cancelled = await client.startRun({ domain: 'algebra', count: 5_000 });
      const cancelledRun = await client.cancelRun({ run_id: cancelled.run?.run_id ?? '', reason: 'permissions test' });
      expect(cancelledRun.status).toBe('RUN_STATUS_CANCELLED');
      expect((await client.listRuns({})).runs?.length).toBeGreaterThanOrEqual(2);
      const records = [];
      for await (const event of client.streamRecords({ run_id: runId, from_cursor: '0' })) records.push(event);
      expect(records.filter((r) => r.body === 'tags')).toHaveLength(3);
      expect(records).toHaveLength(15);
      // The gateway's own buckets: progress, and the dataset built into the object store.
      const progress = [];
      for await (const message of client.watchRun({ run_id: runId })) progress.push(message);
      expect(progress.at(-1)?.final).toBe(true);
      const files = new Set<string>();
      for await (const chunk of client.exportDataset({ run_id: runId, format: 'DATASET_FORMAT_JSONL' })) files.add(chunk.file_name);
      expect(files).toContain('dataset_info.json');
      // The quality summary is read with the gateway's own user: every problem evaluated once.
      const { quality } = await client.getRun({ run_id: runId });
      const a = quality?.agreement;
      expect(a ? a.unanimous + a.strict + a.plurality + a.tie + a.no_answer : 0).toBe(3);
      expect((quality?.sft_verified ?? 0) + (quality?.sft_unverified ?? 0)).toBe(3);
    } finally {
      client.close();
      await platform.stop();
    }
    const log = readFileSync(join(platform.logDir, 'nats.log'), 'utf8');
    expect(log).toContain('Server is ready');
    expect(log.split('\n').filter((line) => /Violation/.test(line))).toEqual([]);
  });
});
