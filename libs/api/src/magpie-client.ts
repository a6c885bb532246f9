import * as grpc from '@grpc/grpc-js';
import { clientConnection, type ClientConnection, type MagpieClientOptions } from './client-credentials.js';
import { ConnectTimeoutError, ProtoLoadError } from './errors.js';
import type { GetFleetResponse } from './fleet-proto-types.js';
import { loadMagpieProto } from './load-magpie-proto.js';
import type {
  CancelRunRequest,
  GetRunRequest,
  ListRunsRequest,
  ListRunsResponse,
  ProtoInput,
  RecordEvent,
  Run,
  StartRunRequest,
  StartRunResponse,
  StreamRecordsRequest,
} from './proto-types.js';

/** Unary calls without an explicit deadline get this one; gRPC itself has none. */
export const DEFAULT_DEADLINE_MS = 10_000;

export interface UnaryCallOptions {
  /** Time allowed for the whole call; DEADLINE_EXCEEDED after it. Default {@link DEFAULT_DEADLINE_MS}. */
  readonly deadlineMs?: number;
}

export interface StreamCallOptions {
  /** Aborting cancels the call; iteration then throws the CANCELLED grpc error. */
  readonly signal?: AbortSignal;
}

const METHOD_NAMES = ['StartRun', 'GetRun', 'ListRuns', 'CancelRun', 'StreamRecords', 'GetFleet'] as const;
type MethodName = (typeof METHOD_NAMES)[number];
type MethodDefinition = grpc.MethodDefinition<object, object>;

/**
 * A typed client for magpie.v1.MagpieService. Unary methods resolve with the decoded response or
 * reject with the grpc-js `ServiceError` (see `isGrpcError`), whose `code` is the status.
 */
export class MagpieClient {
  readonly address: string;
  readonly #client: grpc.Client;
  readonly #methods: ReadonlyMap<MethodName, MethodDefinition>;
  readonly #callMetadata: grpc.Metadata | undefined;

  /** `connection` comes from `clientConnection`; use `createMagpieClient` rather than this. */
  constructor(address: string, connection: ClientConnection, service: grpc.ServiceDefinition) {
    this.address = address;
    const methods = new Map<MethodName, MethodDefinition>();
    for (const name of METHOD_NAMES) {
      const definition: MethodDefinition | undefined = service[name];
      if (!definition) throw new ProtoLoadError(`MagpieService definition lacks ${name}`);
      methods.set(name, definition);
    }
    this.#methods = methods;
    this.#callMetadata = connection.callMetadata;
    this.#client = new grpc.Client(address, connection.credentials, connection.channelOptions);
  }

  /** Starts a run; INVALID_ARGUMENT names the offending field. */
  startRun(request: ProtoInput<StartRunRequest>, options: UnaryCallOptions = {}): Promise<StartRunResponse> {
    return this.#unary('StartRun', request, options);
  }

  /** The run's current state; NOT_FOUND for an unknown run. */
  getRun(request: ProtoInput<GetRunRequest>, options: UnaryCallOptions = {}): Promise<Run> {
    return this.#unary('GetRun', request, options);
  }

  /** Runs, newest first. */
  listRuns(request: ProtoInput<ListRunsRequest> = {}, options: UnaryCallOptions = {}): Promise<ListRunsResponse> {
    return this.#unary('ListRuns', request, options);
  }

  /** Cancels a run; idempotent. */
  cancelRun(request: ProtoInput<CancelRunRequest>, options: UnaryCallOptions = {}): Promise<Run> {
    return this.#unary('CancelRun', request, options);
  }

  /** The platform's Deployments on Kubernetes; FAILED_PRECONDITION when the gateway has no cluster. */
  getFleet(options: UnaryCallOptions = {}): Promise<GetFleetResponse> {
    return this.#unary('GetFleet', {}, options);
  }

  /**
   * The run's records after `from_cursor`, then live ones. The call starts when iteration starts;
   * iteration ends when the server ends the stream with OK and throws the grpc error for any other
   * status. Leaving the loop early cancels the call.
   */
  streamRecords(request: ProtoInput<StreamRecordsRequest>, options: StreamCallOptions = {}): AsyncIterable<RecordEvent> {
    const method = this.#method('StreamRecords');
    const client = this.#client;
    const metadata = this.#metadata();
    const { signal } = options;
    return {
      async *[Symbol.asyncIterator]() {
        const call = client.makeServerStreamRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize as (bytes: Buffer) => RecordEvent,
          request,
          metadata,
          {},
        );
        const onAbort = (): void => call.cancel();
        if (signal?.aborted) call.cancel();
        else signal?.addEventListener('abort', onAbort, { once: true });
        try {
          for await (const event of call) yield event as RecordEvent;
        } finally {
          signal?.removeEventListener('abort', onAbort);
          // A no-op after the server ended the call; stops it when the consumer left early.
          call.cancel();
        }
      },
    };
  }

  /**
   * Resolves once the channel is connected. Throws ConnectTimeoutError when it is not within
   * `deadlineMs`.
   */
  waitForReady(deadlineMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#client.waitForReady(Date.now() + deadlineMs, (error) => {
        if (error) reject(new ConnectTimeoutError(`${this.address} not ready within ${deadlineMs} ms`, { cause: error }));
        else resolve();
      });
    });
  }

  /** Closes the channel; calls in flight fail with CANCELLED or UNAVAILABLE. */
  close(): void {
    this.#client.close();
  }

  #method(name: MethodName): MethodDefinition {
    const method = this.#methods.get(name);
    if (!method) throw new ProtoLoadError(`MagpieService definition lacks ${name}`);
    return method;
  }

  /** A fresh copy of the per-call metadata (grpc-js may modify what it is given). */
  #metadata(): grpc.Metadata {
    return this.#callMetadata?.clone() ?? new grpc.Metadata();
  }

  #unary<Req extends object, Res>(name: MethodName, request: Req, options: UnaryCallOptions): Promise<Res> {
    const method = this.#method(name);
    const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    return new Promise((resolve, reject) => {
      this.#client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize as (bytes: Buffer) => Res,
        request,
        this.#metadata(),
        { deadline },
        (error, response) => {
          if (error) reject(error);
          else if (response === undefined) reject(new Error(`${name} returned no response`));
          else resolve(response);
        },
      );
    });
  }
}

/**
 * Creates a client for the gateway at `address` (`host:port`), loading the proto afresh.
 * Insecure unless `options.tls` (or `options.credentials`) is given; `options.token` is sent as
 * `authorization: Bearer <token>` on every call. The channel connects lazily; use `waitForReady`
 * to wait for it. Throws ProtoLoadError when the proto cannot be loaded and ClientOptionsError
 * for unusable options.
 */
export function createMagpieClient(address: string, options: MagpieClientOptions = {}): MagpieClient {
  const { service } = loadMagpieProto();
  return new MagpieClient(address, clientConnection(options), service);
}
