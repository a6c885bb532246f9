import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConnection } from './client-credentials.js';
import { ClientOptionsError } from './errors.js';
import { loadMagpieProto } from './load-magpie-proto.js';
import { createMagpieClient } from './magpie-client.js';
import type { MagpieServiceHandlers } from './generated/index.js';

/** Answers every call with NOT_FOUND whose details are the authorization metadata it received. */
function echoAuthorization(metadata: grpc.Metadata): { code: grpc.status; details: string } {
  return { code: grpc.status.NOT_FOUND, details: `auth=${metadata.get('authorization').join('|')}` };
}

describe('token on an insecure channel', () => {
  let server: grpc.Server;
  let address: string;

  beforeAll(async () => {
    server = new grpc.Server();
    const handlers: MagpieServiceHandlers = {
      StartRun: (call, cb) => cb(echoAuthorization(call.metadata)),
      GetRun: (call, cb) => cb(echoAuthorization(call.metadata)),
      ListRuns: (call, cb) => cb(echoAuthorization(call.metadata)),
      CancelRun: (call, cb) => cb(echoAuthorization(call.metadata)),
      StreamRecords: (call) => call.emit('error', echoAuthorization(call.metadata)),
      WatchRun: (call) => call.emit('error', echoAuthorization(call.metadata)),
      ExportDataset: (call) => call.emit('error', echoAuthorization(call.metadata)),
      ListModels: (call, cb) => cb(echoAuthorization(call.metadata)),
      ListDomains: (call, cb) => cb(echoAuthorization(call.metadata)),
      GetFleet: (call, cb) => cb(echoAuthorization(call.metadata)),
    };
    server.addService(loadMagpieProto().service, handlers);
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
    });
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => server.forceShutdown());

  it('sends authorization: Bearer <token> on unary and streaming calls', async () => {
    const client = createMagpieClient(address, { token: 'secret-1' });
    try {
      await expect(client.getRun({ run_id: 'r' })).rejects.toMatchObject({ details: 'auth=Bearer secret-1' });
      await expect(client.listRuns()).rejects.toMatchObject({ details: 'auth=Bearer secret-1' });
      const stream = async (): Promise<void> => {
        for await (const _ of client.streamRecords({ run_id: 'r' })) break;
      };
      await expect(stream()).rejects.toMatchObject({ details: 'auth=Bearer secret-1' });
    } finally {
      client.close();
    }
  });

  it('sends nothing without a token', async () => {
    const client = createMagpieClient(address);
    try {
      await expect(client.getRun({ run_id: 'r' })).rejects.toMatchObject({ details: 'auth=' });
    } finally {
      client.close();
    }
  });
});

describe('clientConnection', () => {
  it('puts the token in call metadata when insecure and in call credentials with TLS', () => {
    expect(clientConnection({ token: 't' }).callMetadata?.get('authorization')).toEqual(['Bearer t']);
    const tls = clientConnection({ token: 't', tls: {} });
    expect(tls.callMetadata).toBeUndefined();
    expect(tls.credentials._isSecure()).toBe(true);
    expect(clientConnection({ tls: { serverName: 'gateway.internal' } }).channelOptions).toEqual({ 'grpc.ssl_target_name_override': 'gateway.internal' });
  });

  it('throws ClientOptionsError for an unusable token or a certificate without its key', () => {
    expect(() => clientConnection({ token: 'a b' })).toThrow(ClientOptionsError);
    expect(() => clientConnection({ token: '' })).toThrow(ClientOptionsError);
    expect(() => clientConnection({ token: 'x\n' })).toThrow(ClientOptionsError);
    expect(() => clientConnection({ tls: { cert: Buffer.from('c') } })).toThrow(ClientOptionsError);
  });
});
