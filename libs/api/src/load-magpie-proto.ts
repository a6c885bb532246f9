import { platformFile } from '@magpie/config';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ProtoLoadError } from './errors.js';

/** The loader options every magpie.v1 peer must use; proto-types.ts describes the shapes they produce. */
export const PROTO_LOADER_OPTIONS: Readonly<protoLoader.Options> = Object.freeze({
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** proto/magpie/v1/magpie.proto of the platform root (the repository, or the build's copy), found from this module. */
export const MAGPIE_PROTO_PATH = platformFile(import.meta.url, 'proto/magpie/v1/magpie.proto');

/** Fully qualified name of the service in the proto. */
export const MAGPIE_SERVICE_NAME = 'magpie.v1.MagpieService';

export interface LoadedMagpieProto {
  readonly packageDefinition: protoLoader.PackageDefinition;
  readonly grpcObject: grpc.GrpcObject;
  /** The `magpie.v1.MagpieService` definition, for `server.addService` and for clients. */
  readonly service: grpc.ServiceDefinition;
}

function isServiceConstructor(value: unknown): value is grpc.ServiceClientConstructor {
  return typeof value === 'function' && 'service' in value && typeof value.service === 'object';
}

/**
 * Loads magpie.proto synchronously with {@link PROTO_LOADER_OPTIONS}. Every call loads afresh;
 * callers keep the result for as long as they need it. Throws ProtoLoadError when the file cannot
 * be read or parsed, or when it does not define magpie.v1.MagpieService.
 */
export function loadMagpieProto(protoPath: string = MAGPIE_PROTO_PATH): LoadedMagpieProto {
  let packageDefinition: protoLoader.PackageDefinition;
  try {
    packageDefinition = protoLoader.loadSync(protoPath, { ...PROTO_LOADER_OPTIONS });
  } catch (cause) {
    throw new ProtoLoadError(`cannot load ${protoPath}`, { cause });
  }
  const grpcObject = grpc.loadPackageDefinition(packageDefinition);
  let node: unknown = grpcObject;
  for (const part of MAGPIE_SERVICE_NAME.split('.')) {
    node = typeof node === 'object' || typeof node === 'function' ? (node as Record<string, unknown> | null)?.[part] : undefined;
  }
  if (!isServiceConstructor(node)) throw new ProtoLoadError(`${protoPath} does not define ${MAGPIE_SERVICE_NAME}`);
  return { packageDefinition, grpcObject, service: node.service };
}
