import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@magpie/logging';
import type { BearerAuthenticator } from './bearer-authenticator.js';
import { clientKey, type ClientLimits } from './client-limits.js';
import type { PreEncoded } from './encoded-runs.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import { requireWellFormed } from './require-well-formed.js';
import { toGrpcStatus, type GrpcStatus } from './to-grpc-status.js';

export interface CallGuardOptions {
  /** Checks every call's bearer token (a no-op when no token is configured). */
  readonly authenticator: BearerAuthenticator;
  readonly limits: ClientLimits;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
}

interface Call<TReq> {
  readonly metadata: grpc.Metadata;
  readonly request: TReq;
  getPeer(): string;
}

/**
 * What every MagpieService call goes through, in this order: metrics, authentication, the
 * request's well-formedness (undecodable bytes, invalid UTF-8, over-long strings) and the
 * client's limits; then the work; then the one error mapping (toGrpcStatus), logged by status.
 */
export class CallGuard {
  readonly #o: CallGuardOptions;

  constructor(options: CallGuardOptions) {
    this.#o = options;
  }

  /**
   * Runs a unary call: `work` gets the admitted request; its result (or its bytes, PreEncoded) or
   * error answers the call.
   */
  unary<TReq, TRes>(call: grpc.ServerUnaryCall<TReq, unknown>, callback: grpc.sendUnaryData<TRes>, method: string, work: (request: TReq) => Promise<TRes | PreEncoded>): void {
    const done = this.#o.metrics.start(method, false);
    let release: (() => void) | undefined;
    Promise.resolve()
      .then(() => {
        const request = this.#admit(call);
        release = this.#o.limits.admit(clientKey(call.metadata, call.getPeer()), 'call');
        return work(request);
      })
      .then(
        (res) => {
          done(grpc.status.OK);
          // The service's serializer sends PreEncoded bytes as they are (acceptPreEncoded).
          callback(null, res as TRes);
        },
        (err: unknown) => {
          const status = this.#status(err, method, call.getPeer());
          done(status.code);
          callback(status, null);
        },
      )
      .finally(() => release?.());
  }

  /**
   * Runs a server stream: `work` writes to the call and resolves when it has ended it; a throw
   * becomes the stream's status, unless the client cancelled. `signal` aborts when the client
   * cancels or disconnects.
   */
  stream<TReq>(call: grpc.ServerWritableStream<TReq, unknown>, method: string, work: (request: TReq, signal: AbortSignal) => Promise<void>): void {
    const done = this.#o.metrics.start(method, true);
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    let release: (() => void) | undefined;
    void (async () => {
      try {
        const request = this.#admit(call);
        release = this.#o.limits.admit(clientKey(call.metadata, call.getPeer()), 'stream');
        await work(request, abort.signal);
        done(abort.signal.aborted ? grpc.status.CANCELLED : grpc.status.OK);
      } catch (err) {
        if (abort.signal.aborted) {
          done(grpc.status.CANCELLED);
          return;
        }
        const status = this.#status(err, method, call.getPeer());
        done(status.code);
        call.emit('error', status);
      } finally {
        release?.();
      }
    })();
  }

  /** Authenticates, then checks the request is well-formed; throws what toGrpcStatus maps. */
  #admit<TReq>(call: Call<TReq>): TReq {
    this.#o.authenticator.authenticate(call.metadata);
    return requireWellFormed(call.request);
  }

  #status(err: unknown, method: string, peer: string): GrpcStatus {
    const status = toGrpcStatus(err);
    if (status.code === grpc.status.INTERNAL) this.#o.logger.error({ err, method, peer }, 'request failed');
    else if (status.code === grpc.status.UNAVAILABLE) this.#o.logger.warn({ err: err instanceof Error ? err.message : String(err), method }, 'request answered UNAVAILABLE');
    else if (status.code === grpc.status.UNAUTHENTICATED) this.#o.logger.warn({ method, peer }, 'unauthenticated call refused');
    return status;
  }
}
