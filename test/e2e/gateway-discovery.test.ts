import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// Tools like grpcurl, Kubernetes grpc probes and load balancers find the gateway through these
// two standard services; they are exercised here with their own protos, as those tools would.
const require = createRequire(import.meta.url);
const reflectionProtoPath = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');

// The standard services' protos are generic to this test, so their clients are typed loosely.
interface HealthClient extends grpc.Client {
  Check(request: { service: string }, callback: (err: grpc.ServiceError | null, res: { status: string }) => void): void;
}
interface ReflectionReply {
  list_services_response?: { service: { name: string }[] };
}
interface ReflectionClient extends grpc.Client {
  ServerReflectionInfo(): grpc.ClientDuplexStream<object, ReflectionReply>;
}
function serviceClient<T extends grpc.Client>(file: string, name: string, address: string): T {
  const loaded = grpc.loadPackageDefinition(protoLoader.loadSync(file, { keepCase: true, longs: String, enums: String, defaults: true }));
  const Ctor = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], loaded) as grpc.ServiceClientConstructor;
  return new Ctor(address, grpc.credentials.createInsecure()) as unknown as T;
}

let platform: E2ePlatform;

beforeAll(async () => {
  platform = await startE2ePlatform();
});

afterAll(async () => {
  await platform?.stop();
});

describe('gateway discovery', () => {
  it('reports SERVING on the standard health service, for the server and for MagpieService', async () => {
    const client = serviceClient<HealthClient>(healthProtoPath, 'grpc.health.v1.Health', platform.grpcAddress);
    const check = (service: string) =>
      new Promise<{ status: string }>((resolve, reject) => {
        client.Check({ service }, (err, res) => (err ? reject(err) : resolve(res)));
      });
    expect(await check('')).toEqual({ status: 'SERVING' });
    expect(await check('magpie.v1.MagpieService')).toEqual({ status: 'SERVING' });
    client.close();
  });

  it('lists MagpieService through server reflection', async () => {
    const client = serviceClient<ReflectionClient>(reflectionProtoPath, 'grpc.reflection.v1.ServerReflection', platform.grpcAddress);
    const call = client.ServerReflectionInfo();
    const reply = new Promise<string[]>((resolve, reject) => {
      call.on('data', (msg: ReflectionReply) => resolve((msg.list_services_response?.service ?? []).map((s) => s.name)));
      call.on('error', reject);
    });
    call.write({ list_services: '*' });
    const services = await reply;
    call.end();
    client.close();
    expect(services).toEqual(expect.arrayContaining(['magpie.v1.MagpieService', 'grpc.health.v1.Health']));
  });
});
