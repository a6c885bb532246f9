import { platformFile } from '@magpie/config';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ProtoLoadError } from './errors.js';
import { DESCRIPTOR_SET_BASE64 } from './generated/descriptor-set.js';
import type { MagpieServiceDefinition } from './generated/index.js';
import { MAGPIE_PROTO_JSON } from './generated/proto-json.js';

/** The loader options every magpie.v1 peer must use; the generated types describe the shapes they produce. */
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

/**
 * The serialized FileDescriptorSet built by buf from proto/ (scripts/generate-api.sh): magpie.v1,
 * the well-known types it imports, grpc.health.v1 and grpc.reflection. These are the descriptors
 * reflection serves, byte for byte, so every client sees what buf compiled.
 */
export function descriptorSetBytes(): Buffer {
  return Buffer.from(DESCRIPTOR_SET_BASE64, 'base64');
}

export interface LoadedMagpieProto {
  readonly packageDefinition: protoLoader.PackageDefinition;
  readonly grpcObject: grpc.GrpcObject;
  /** The `magpie.v1.MagpieService` definition, for `server.addService` and for clients. */
  readonly service: MagpieServiceDefinition;
}

function isServiceConstructor(value: unknown): value is grpc.ServiceClientConstructor {
  return typeof value === 'function' && 'service' in value && typeof value.service === 'object';
}

/** The service constructor at a dotted name of a loaded package, or undefined. */
export function serviceAt(grpcObject: grpc.GrpcObject, name: string): grpc.ServiceClientConstructor | undefined {
  let node: unknown = grpcObject;
  for (const part of name.split('.')) {
    node = typeof node === 'object' || typeof node === 'function' ? (node as Record<string, unknown> | null)?.[part] : undefined;
  }
  return isServiceConstructor(node) ? node : undefined;
}

/**
 * Loads magpie.v1 from the generated protobufjs JSON of proto/ with {@link PROTO_LOADER_OPTIONS},
 * so no proto file is read at run time. Every call loads afresh; callers keep the result for as
 * long as they need it. Throws ProtoLoadError when the JSON cannot be loaded or lacks
 * magpie.v1.MagpieService.
 */
export function loadMagpieProto(json: object = MAGPIE_PROTO_JSON): LoadedMagpieProto {
  let packageDefinition: protoLoader.PackageDefinition;
  try {
    packageDefinition = protoLoader.fromJSON(json, { ...PROTO_LOADER_OPTIONS });
  } catch (cause) {
    throw new ProtoLoadError('cannot load the magpie.v1 proto', { cause });
  }
  const grpcObject = grpc.loadPackageDefinition(packageDefinition);
  const service = serviceAt(grpcObject, MAGPIE_SERVICE_NAME);
  if (!service) throw new ProtoLoadError(`the proto does not define ${MAGPIE_SERVICE_NAME}`);
  return { packageDefinition, grpcObject, service: service.service as MagpieServiceDefinition };
}
