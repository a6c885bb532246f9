import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { MAGPIE_SERVICE_NAME, descriptorSetBytes, loadMagpieProto } from '@magpie/api';
import type { Logger } from '@magpie/logging';
import { acceptPreEncoded } from './encoded-runs.js';
import { ReflectionService } from './reflection-service.js';
import type { FleetService } from './fleet/fleet-service.js';
import type { RunService } from './run-service.js';
import { tolerantService } from './tolerant-service.js';

const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health';

export interface GatewayOptions {
  readonly runService: RunService;
  /** GetFleet; answered UNIMPLEMENTED when omitted. */
  readonly fleetService?: FleetService;
  readonly logger: Logger;
  readonly host: string;
  readonly port: number;
  /** Insecure when omitted; see createServerCredentials for TLS and mTLS. */
  readonly credentials?: grpc.ServerCredentials;
}

/**
 * The gRPC server: MagpieService, the standard health service and server reflection (v1 and
 * v1alpha, serving buf's descriptors of every hosted service). Health and reflection stay open
 * (probes carry no token); MagpieService's handlers authenticate every call. Requests whose bytes
 * cannot be decoded reach the handlers (as UndecodableRequest) instead of being answered INTERNAL
 * by grpc-js.
 */
export class Gateway {
  readonly #o: GatewayOptions;
  readonly #server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  readonly #health = new HealthImplementation({ '': 'NOT_SERVING', [MAGPIE_SERVICE_NAME]: 'NOT_SERVING' });
  #port: number | undefined;

  constructor(options: GatewayOptions) {
    this.#o = options;
    const proto = loadMagpieProto();
    this.#server.addService(acceptPreEncoded(tolerantService(proto.service)), { ...options.runService.handlers(), ...options.fleetService?.handlers() });
    this.#health.addToServer(this.#server);
    new ReflectionService(descriptorSetBytes(), [MAGPIE_SERVICE_NAME, HEALTH_SERVICE_NAME]).addToServer(this.#server);
  }

  get isServing(): boolean {
    return this.#port !== undefined;
  }

  /** Binds and marks the service SERVING; resolves with the bound port. */
  async start(): Promise<number> {
    if (this.#port !== undefined) return this.#port;
    const port = await new Promise<number>((resolve, reject) => {
      this.#server.bindAsync(`${this.#o.host}:${this.#o.port}`, this.#o.credentials ?? grpc.ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      );
    });
    this.#port = port;
    this.#health.setStatus('', 'SERVING');
    this.#health.setStatus(MAGPIE_SERVICE_NAME, 'SERVING');
    return port;
  }

  /** NOT_SERVING first so balancers stop routing, then a graceful shutdown, forced after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (this.#port === undefined) return;
    this.#health.setStatus('', 'NOT_SERVING');
    this.#health.setStatus(MAGPIE_SERVICE_NAME, 'NOT_SERVING');
    this.#port = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#o.logger.warn({ graceMs }, 'forcing gRPC shutdown');
        this.#server.forceShutdown();
        resolve();
      }, graceMs);
      this.#server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
