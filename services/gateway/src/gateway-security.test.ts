import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createMagpieClient, loadMagpieProto, type MagpieClient, type MagpieClientOptions } from '@magpie/api';
import { service as healthService } from 'grpc-health-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@magpie/testing';
import { gatewaySecurity } from './gateway-security.js';
import { SecuritySetupError } from './errors.js';
import { generateTestPki, type TestPki } from './testing/generate-test-pki.js';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway.js';

const TOKEN = 'tok-3f9a1c7e5b2d4a6f';
let pki: TestPki;
let gw: TestGateway | undefined;
const clients: MagpieClient[] = [];

function client(port: number, options: MagpieClientOptions = {}): MagpieClient {
  const c = createMagpieClient(`localhost:${port}`, options);
  clients.push(c);
  return c;
}

const pem = (path: string): Buffer => readFileSync(path);

beforeAll(() => {
  pki = generateTestPki();
});

afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await gw?.stop();
  gw = undefined;
});

describe('bearer token authentication (insecure channel)', () => {
  it('answers UNAUTHENTICATED to a missing or wrong token, without echoing it', async () => {
    gw = await startTestGateway({ tokens: [TOKEN] });
    const none = await client(gw.port).listRuns({}, { deadlineMs: 2_000 }).catch((e: unknown) => e);
    expect(none).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    const wrong = await client(gw.port, { token: 'not-the-token' }).getRun({ run_id: 'run-1' }, { deadlineMs: 2_000 }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    expect((wrong as grpc.ServiceError).details).not.toContain('not-the-token');
    const prefix = await client(gw.port, { token: TOKEN.slice(0, -1) }).listRuns({}, { deadlineMs: 2_000 }).catch((e: unknown) => e);
    expect(prefix).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    // Every other RPC, the streams and the catalog included.
    const anonymous = client(gw.port);
    const drain = async (stream: AsyncIterable<unknown>): Promise<unknown> => {
      for await (const _ of stream) break;
      return undefined;
    };
    for (const call of [
      () => anonymous.listModels({ deadlineMs: 2_000 }),
      () => anonymous.listDomains({ deadlineMs: 2_000 }),
      () => drain(anonymous.watchRun({ run_id: 'run-1' })),
      () => drain(anonymous.exportDataset({ run_id: 'run-1' })),
      () => drain(anonymous.streamRecords({ run_id: 'run-1' })),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    }
  });

  it('lets the right token through on every RPC, streams included', async () => {
    gw = await startTestGateway({ tokens: ['other-token', TOKEN] });
    const c = client(gw.port, { token: TOKEN });
    expect(await c.listRuns({}, { deadlineMs: 2_000 })).toEqual({ runs: [], next_page_token: '' });
    await expect(c.getRun({ run_id: 'run-1' }, { deadlineMs: 2_000 })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(c.cancelRun({ run_id: 'run-1' }, { deadlineMs: 2_000 })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    const stream = async (cl: MagpieClient): Promise<unknown> => {
      for await (const _ of cl.streamRecords({ run_id: 'run-1' })) break;
      return undefined;
    };
    await expect(stream(c)).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    expect((await c.listDomains({ deadlineMs: 2_000 })).domains.map((d) => d.name)).toContain('algebra');
    expect((await c.listModels({ deadlineMs: 2_000 })).default_reward_model).not.toBe('');
    for (const open of [() => c.watchRun({ run_id: 'run-1' }), () => c.exportDataset({ run_id: 'run-1' })]) {
      const first = async (): Promise<unknown> => {
        for await (const _ of open()) break;
        return undefined;
      };
      await expect(first()).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    }
    await expect(stream(client(gw.port))).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it('authenticates before validating: garbage without a token is UNAUTHENTICATED, with one INVALID_ARGUMENT', async () => {
    gw = await startTestGateway({ tokens: [TOKEN] });
    const raw = new grpc.Client(`127.0.0.1:${gw.port}`, grpc.credentials.createInsecure());
    const path = loadMagpieProto().service.GetRun?.path ?? '';
    const call = (metadata: grpc.Metadata, bytes = [0xff]): Promise<grpc.ServiceError | null> =>
      new Promise((resolve) => {
        raw.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from(bytes), metadata, { deadline: Date.now() + 2_000 }, (err) =>
          resolve(err),
        );
      });
    try {
      expect(await call(new grpc.Metadata())).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
      const md = new grpc.Metadata();
      md.set('authorization', `Bearer ${TOKEN}`);
      const undecodable = await call(md);
      expect(undecodable).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
      expect(undecodable?.details).toMatch(/^request: cannot be decoded/);
      // Invalid UTF-8 in run_id (0xc3 0x28): protobufjs substitutes U+FFFD, the gateway names the field.
      expect(await call(md, [0x0a, 0x02, 0xc3, 0x28])).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: 'run_id: is not valid UTF-8' });
    } finally {
      raw.close();
    }
  });

  it('keeps the health service open', async () => {
    gw = await startTestGateway({ tokens: [TOKEN] });
    const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
    const health = new Health(`127.0.0.1:${gw.port}`, grpc.credentials.createInsecure());
    try {
      const check = healthService.Check as grpc.MethodDefinition<object, object>;
      const reply = await new Promise<unknown>((resolve, reject) => {
        health.makeUnaryRequest(check.path, check.requestSerialize, check.responseDeserialize, { service: '' }, { deadline: Date.now() + 2_000 }, (err, res) =>
          err ? reject(err) : resolve(res),
        );
      });
      expect(reply).toMatchObject({ status: 'SERVING' });
    } finally {
      health.close();
    }
  });
});

describe('TLS and mTLS', () => {
  it('serves TLS to a client that trusts the CA, and refuses one that does not', async () => {
    const security = gatewaySecurity({ GRPC_TLS_CERT_FILE: pki.serverCert, GRPC_TLS_KEY_FILE: pki.serverKey, GATEWAY_TOKEN: TOKEN });
    expect(security.summary).toEqual({ auth: 'bearer', tokens: 1, transport: 'tls' });
    gw = await startTestGateway({ tokens: [TOKEN], credentials: security.credentials });
    expect(await client(gw.port, { token: TOKEN, tls: { ca: pem(pki.caCert) } }).listRuns({}, { deadlineMs: 3_000 })).toEqual({ runs: [], next_page_token: '' });
    // The token travels as call credentials on a TLS channel; without it, UNAUTHENTICATED.
    await expect(client(gw.port, { tls: { ca: pem(pki.caCert) } }).listRuns({}, { deadlineMs: 3_000 })).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
    await expect(client(gw.port, { token: TOKEN, tls: { ca: pem(pki.otherCaCert) } }).listRuns({}, { deadlineMs: 3_000 })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
    // A plaintext client cannot talk to a TLS listener.
    await expect(client(gw.port, { token: TOKEN }).listRuns({}, { deadlineMs: 3_000 })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });

  it('with a client CA, requires a client certificate (mTLS)', async () => {
    const security = gatewaySecurity({
      GRPC_TLS_CERT_FILE: pki.serverCert,
      GRPC_TLS_KEY_FILE: pki.serverKey,
      GRPC_TLS_CLIENT_CA_FILE: pki.caCert,
      GATEWAY_TOKEN: TOKEN,
    });
    expect(security.summary.transport).toBe('mtls');
    gw = await startTestGateway({ tokens: [TOKEN], credentials: security.credentials });
    await expect(client(gw.port, { token: TOKEN, tls: { ca: pem(pki.caCert) } }).listRuns({}, { deadlineMs: 3_000 })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
    const withCert = client(gw.port, { token: TOKEN, tls: { ca: pem(pki.caCert), cert: pem(pki.clientCert), key: pem(pki.clientKey) } });
    expect(await withCert.listRuns({}, { deadlineMs: 3_000 })).toEqual({ runs: [], next_page_token: '' });
    const wrongToken = client(gw.port, { token: 'nope', tls: { ca: pem(pki.caCert), cert: pem(pki.clientCert), key: pem(pki.clientKey) } });
    await expect(wrongToken.listRuns({}, { deadlineMs: 3_000 })).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });
});

describe('gatewaySecurity', () => {
  it('is open and insecure by default', () => {
    expect(gatewaySecurity({}).summary).toEqual({ auth: 'off', tokens: 0, transport: 'insecure' });
  });

  it('reads one token per line from GATEWAY_TOKENS_FILE, skipping blanks and comments', () => {
    const file = join(pki.dir, 'tokens');
    writeFileSync(file, '# rotated 2026-01\nfirst-token\r\n\n  second-token  \n');
    expect(gatewaySecurity({ GATEWAY_TOKENS_FILE: file, GATEWAY_TOKEN: 'local' }).summary).toMatchObject({ auth: 'bearer', tokens: 3 });
  });

  it('throws SecuritySetupError for an unreadable or empty tokens file and an unusable token', () => {
    expect(() => gatewaySecurity({ GATEWAY_TOKENS_FILE: join(pki.dir, 'missing') })).toThrow(SecuritySetupError);
    const empty = join(pki.dir, 'empty-tokens');
    writeFileSync(empty, '\n# none\n');
    expect(() => gatewaySecurity({ GATEWAY_TOKENS_FILE: empty })).toThrow(SecuritySetupError);
    expect(() => gatewaySecurity({ GATEWAY_TOKEN: 'has space' })).toThrow(SecuritySetupError);
    expect(() => gatewaySecurity({ GRPC_TLS_CERT_FILE: join(pki.dir, 'nope.crt'), GRPC_TLS_KEY_FILE: pki.serverKey })).toThrow(SecuritySetupError);
  });
});

describe('per-client limits', () => {
  it('answers RESOURCE_EXHAUSTED naming MAX_CALLS_PER_CLIENT while the client has that many calls in flight', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    gw = await startTestGateway({ maxCalls: 2, holdLookups: held });
    const c = client(gw.port);
    const first = c.getRun({ run_id: 'run-1' }, { deadlineMs: 5_000 }).catch((e: unknown) => e);
    const second = c.getRun({ run_id: 'run-2' }, { deadlineMs: 5_000 }).catch((e: unknown) => e);
    const gateway = gw;
    await waitFor('both calls held in flight', () => (gateway.heldLookups() >= 2 ? true : undefined), 5_000, 10);
    const third = await c.getRun({ run_id: 'run-3' }, { deadlineMs: 5_000 }).catch((e: unknown) => e);
    expect(third).toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
    expect((third as grpc.ServiceError).details).toMatch(/^MAX_CALLS_PER_CLIENT: 2 /);
    release();
    expect(await first).toMatchObject({ code: grpc.status.NOT_FOUND });
    expect(await second).toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(c.getRun({ run_id: 'run-4' }, { deadlineMs: 5_000 })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });
});

describe('run limits', () => {
  it('answers RESOURCE_EXHAUSTED naming MAX_ACTIVE_RUNS when the limit is reached', async () => {
    gw = await startTestGateway({ running: 1 });
    const error = await client(gw.port).startRun({ domain: 'algebra', count: 5 }, { deadlineMs: 2_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
    expect((error as grpc.ServiceError).details).toContain('MAX_ACTIVE_RUNS: 1');
    await expect(client(gw.port).startRun({ domain: 'algebra', count: 1_001 }, { deadlineMs: 2_000 })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'count: must be at most 1000',
    });
  });
});
