import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, serviceAt } from '@magpie/api';
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor/index.js';

interface DescriptorLike {
  readonly name?: string;
  readonly nestedType?: readonly DescriptorLike[];
  readonly enumType?: readonly DescriptorLike[];
}

interface FileIndexEntry {
  readonly name: string;
  /** The file exactly as buf serialized it. */
  readonly bytes: Uint8Array;
  readonly dependencies: readonly string[];
}

/** Reflection's request, as proto-loader decodes it. */
interface ReflectionRequest {
  readonly host: string;
  readonly message_request?: 'file_by_filename' | 'file_containing_symbol' | 'file_containing_extension' | 'all_extension_numbers_of_type' | 'list_services';
  readonly file_by_filename?: string;
  readonly file_containing_symbol?: string;
  readonly file_containing_extension?: { containing_type: string; extension_number: number };
  readonly all_extension_numbers_of_type?: string;
  readonly list_services?: string;
}

const REFLECTION_SERVICES = ['grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection'] as const;

/** The raw bytes of every `file` (field 1) of a serialized FileDescriptorSet. */
function splitFiles(set: Uint8Array): Uint8Array[] {
  const reader = protobuf.Reader.create(set);
  const files: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 2)) files.push(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return files;
}

/**
 * Server reflection (grpc.reflection.v1 and v1alpha) over a FileDescriptorSet built by buf: every
 * file is served byte for byte as buf wrote it, so descriptors that protobuf-go (grpcurl) or
 * Python's descriptor pool validate strictly are exactly what protoc would produce. protobufjs is
 * only used to find which file defines a symbol.
 */
export class ReflectionService {
  readonly #files = new Map<string, FileIndexEntry>();
  readonly #symbols = new Map<string, string>();
  readonly #services: readonly string[];
  readonly #definitions: readonly grpc.ServiceDefinition[];

  /** `services`: the fully qualified services this server hosts, as list_services reports them. */
  constructor(descriptorSet: Uint8Array, services: readonly string[]) {
    for (const bytes of splitFiles(descriptorSet)) {
      const file = descriptor.FileDescriptorProto.decode(bytes) as unknown as descriptor.IFileDescriptorProto;
      const name = file.name ?? '';
      if (this.#files.has(name)) continue;
      this.#files.set(name, { name, bytes, dependencies: [...((file.dependency as string[] | undefined) ?? [])] });
      this.#index(file, name);
    }
    this.#services = [...services, ...REFLECTION_SERVICES];
    const loaded = grpc.loadPackageDefinition(protoLoader.loadFileDescriptorSetFromBuffer(Buffer.from(descriptorSet), { ...PROTO_LOADER_OPTIONS }));
    this.#definitions = REFLECTION_SERVICES.map((name) => {
      const ctor = serviceAt(loaded, name);
      if (!ctor) throw new RangeError(`the descriptor set lacks ${name}`);
      return ctor.service;
    });
  }

  #index(file: descriptor.IFileDescriptorProto, fileName: string): void {
    const prefix = file.package ? `${file.package}.` : '';
    const add = (symbol: string): void => void this.#symbols.set(symbol, fileName);
    const message = (scope: string, m: DescriptorLike): void => {
      const full = `${scope}${m.name ?? ''}`;
      add(full);
      for (const nested of m.nestedType ?? []) message(`${full}.`, nested);
      for (const e of m.enumType ?? []) add(`${full}.${e.name ?? ''}`);
    };
    for (const m of (file.messageType ?? []) as DescriptorLike[]) message(prefix, m);
    for (const e of file.enumType ?? []) add(`${prefix}${e.name ?? ''}`);
    for (const s of file.service ?? []) {
      add(`${prefix}${s.name ?? ''}`);
      for (const m of s.method ?? []) add(`${prefix}${s.name ?? ''}.${m.name ?? ''}`);
    }
  }

  /** Adds both reflection services to `server`. */
  addToServer(server: grpc.Server): void {
    for (const definition of this.#definitions) {
      server.addService(definition, {
        ServerReflectionInfo: (call: grpc.ServerDuplexStream<ReflectionRequest, object>) => {
          call.on('data', (request: ReflectionRequest) => call.write(this.answer(request)));
          call.on('end', () => call.end());
          call.on('error', () => undefined);
        },
      });
    }
  }

  /** The response to one reflection request; unknown names are answered with NOT_FOUND in the response, as the protocol has it. */
  answer(request: ReflectionRequest): object {
    const base = { valid_host: request.host, original_request: request };
    switch (request.message_request) {
      case 'list_services':
        return { ...base, list_services_response: { service: this.#services.map((name) => ({ name })) } };
      case 'file_by_filename':
        return this.#fileResponse(base, this.#files.get(request.file_by_filename ?? '')?.name, `file ${request.file_by_filename ?? ''}`);
      case 'file_containing_symbol': {
        const symbol = (request.file_containing_symbol ?? '').replace(/^\./, '');
        return this.#fileResponse(base, this.#symbols.get(symbol), `symbol ${symbol}`);
      }
      case 'all_extension_numbers_of_type': {
        const type = request.all_extension_numbers_of_type ?? '';
        if (!this.#symbols.has(type)) return this.#error(base, grpc.status.NOT_FOUND, `type ${type} not found`);
        // None of the served types is extended.
        return { ...base, all_extension_numbers_response: { base_type_name: type, extension_number: [] } };
      }
      case 'file_containing_extension':
        return this.#error(base, grpc.status.NOT_FOUND, 'no extensions are defined');
      case undefined:
        return this.#error(base, grpc.status.INVALID_ARGUMENT, 'empty reflection request');
    }
  }

  #fileResponse(base: object, fileName: string | undefined, what: string): object {
    if (fileName === undefined) return this.#error(base, grpc.status.NOT_FOUND, `${what} not found`);
    // The file first, then every file it imports (transitively), so a client can build it at once.
    const order: Uint8Array[] = [];
    const seen = new Set<string>();
    const visit = (name: string): void => {
      const file = this.#files.get(name);
      if (!file || seen.has(name)) return;
      seen.add(name);
      order.push(file.bytes);
      file.dependencies.forEach(visit);
    };
    visit(fileName);
    return { ...base, file_descriptor_response: { file_descriptor_proto: order.map((b) => Buffer.from(b)) } };
  }

  #error(base: object, code: grpc.status, message: string): object {
    return { ...base, error_response: { error_code: code, error_message: message } };
  }
}
