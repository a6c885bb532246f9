import type * as grpc from '@grpc/grpc-js';

/**
 * What a handler receives in place of a request whose bytes could not be decoded (truncated or
 * malformed protobuf). See {@link tolerantService}.
 */
export class UndecodableRequest {
  readonly reason: string;

  constructor(reason: string) {
    this.reason = reason;
  }
}

/**
 * A copy of `service` whose request deserializers never throw: undecodable bytes become an
 * {@link UndecodableRequest}, so the handler (after authentication) answers INVALID_ARGUMENT
 * instead of grpc-js answering INTERNAL. Handlers must check for it (see `requireWellFormed`).
 */
export function tolerantService<S extends grpc.ServiceDefinition>(service: S): S {
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(service)) {
    const decode = method.requestDeserialize;
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return decode(bytes) as unknown;
        } catch (err) {
          return new UndecodableRequest(err instanceof Error ? err.message : String(err));
        }
      },
    };
  }
  return out as S;
}
