import * as grpc from '@grpc/grpc-js';
import { clientConnection, type ClientConnection, type MagpieClientOptions } from './client-credentials.js';
import { ConnectTimeoutError, ProtoMappingError } from './errors.js';
import type * as proto from './generated/index.js';
import { loadMagpieProto } from './load-magpie-proto.js';

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

type Service = proto.MagpieServiceDefinition;
type MethodName = keyof Service & string;
type MethodDefinition = grpc.MethodDefinition<object, object>;

/**
 * A typed client for magpie.v1.MagpieService. Unary methods resolve with the decoded response or
 * reject with the grpc-js `ServiceError` (see `isGrpcError`), whose `code` is the status. Server
 * streams are async iterables: the call starts when iteration starts, ends when the server ends
 * it with OK, throws the grpc error for any other status, and is cancelled when the loop is left.
 */
export class MagpieClient {
  readonly address: string;
  readonly #client: grpc.Client;
  readonly #service: Service;
  readonly #callMetadata: grpc.Metadata | undefined;

  /** `connection` comes from `clientConnection`; use `createMagpieClient` rather than this. */
  constructor(address: string, connection: ClientConnection, service: Service) {
    this.address = address;
    this.#service = service;
    this.#callMetadata = connection.callMetadata;
    this.#client = new grpc.Client(address, connection.credentials, connection.channelOptions);
  }

  /** Starts a run; INVALID_ARGUMENT names the offending field. */
  startRun(request: proto.StartRunRequestInput, options: UnaryCallOptions = {}): Promise<proto.StartRunResponse> {
    return this.#unary('StartRun', request, options);
  }

  /** The run's current state; NOT_FOUND for an unknown run. */
  async getRun(request: proto.GetRunRequestInput, options: UnaryCallOptions = {}): Promise<proto.Run> {
    return requireRun(await this.#unary<proto.GetRunResponse>('GetRun', request, options), 'GetRun');
  }

  /** A page of runs, newest first. */
  listRuns(request: proto.ListRunsRequestInput = {}, options: UnaryCallOptions = {}): Promise<proto.ListRunsResponse> {
    return this.#unary('ListRuns', request, options);
  }

  /** Cancels a run; idempotent. Resolves with the run after the cancel. */
  async cancelRun(request: proto.CancelRunRequestInput, options: UnaryCallOptions = {}): Promise<proto.Run> {
    return requireRun(await this.#unary<proto.CancelRunResponse>('CancelRun', request, options), 'CancelRun');
  }

  /** The generator and reward models of the gateway's catalog. */
  listModels(options: UnaryCallOptions = {}): Promise<proto.ListModelsResponse> {
    return this.#unary('ListModels', {}, options);
  }

  /** The domains of the gateway's catalog. */
  listDomains(options: UnaryCallOptions = {}): Promise<proto.ListDomainsResponse> {
    return this.#unary('ListDomains', {}, options);
  }

  /** Progress of a run until it ends; the last message has `final: true`. */
  watchRun(request: proto.WatchRunRequestInput, options: StreamCallOptions = {}): AsyncIterable<proto.WatchRunResponse> {
    return this.#serverStream('WatchRun', request, options);
  }

  /** The run's records after `from_cursor`, then live ones until the run ends. */
  streamRecords(request: proto.StreamRecordsRequestInput, options: StreamCallOptions = {}): AsyncIterable<proto.StreamRecordsResponse> {
    return this.#serverStream('StreamRecords', request, options);
  }

  /** The chunks of a finished run's dataset files in one format. */
  exportDataset(request: proto.ExportDatasetRequestInput, options: StreamCallOptions = {}): AsyncIterable<proto.ExportDatasetResponse> {
    return this.#serverStream('ExportDataset', request, options);
  }

  /** The platform's Deployments on Kubernetes; FAILED_PRECONDITION when the gateway has no cluster. */
  getFleet(options: UnaryCallOptions = {}): Promise<proto.GetFleetResponse> {
    return this.#unary('GetFleet', {}, options);
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
    return this.#service[name] as unknown as MethodDefinition;
  }

  /** A fresh copy of the per-call metadata (grpc-js may modify what it is given). */
  #metadata(): grpc.Metadata {
    return this.#callMetadata?.clone() ?? new grpc.Metadata();
  }

  #serverStream<Res>(name: MethodName, request: object, options: StreamCallOptions): AsyncIterable<Res> {
    const method = this.#method(name);
    const client = this.#client;
    const metadata = this.#metadata();
    const { signal } = options;
    return {
      async *[Symbol.asyncIterator]() {
        const call = client.makeServerStreamRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize as (bytes: Buffer) => Res,
          request,
          metadata,
          {},
        );
        const onAbort = (): void => call.cancel();
        if (signal?.aborted) call.cancel();
        else signal?.addEventListener('abort', onAbort, { once: true });
        try {
          for await (const message of call) yield message as Res;
        } finally {
          signal?.removeEventListener('abort', onAbort);
          // A no-op after the server ended the call; stops it when the consumer left early.
          call.cancel();
        }
      },
    };
  }

  #unary<Res>(name: MethodName, request: object, options: UnaryCallOptions): Promise<Res> {
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

function requireRun(response: { run: proto.Run | null }, method: string): proto.Run {
  if (!response.run) throw new ProtoMappingError(`${method} returned no run`);
  return response.run;
}

/**
 * Creates a client for the gateway at `address` (`host:port`). Insecure unless `options.tls` (or
 * `options.credentials`) is given; `options.token` is sent as `authorization: Bearer <token>` on
 * every call. The channel connects lazily; use `waitForReady` to wait for it. Throws
 * ProtoLoadError when the proto cannot be loaded and ClientOptionsError for unusable options.
 */
export function createMagpieClient(address: string, options: MagpieClientOptions = {}): MagpieClient {
  return new MagpieClient(address, clientConnection(options), loadMagpieProto().service);
}
