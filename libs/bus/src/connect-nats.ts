import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectOptions {
  readonly servers: string | string[];
  /** Shown in the server's connection list: use the service name. */
  readonly name: string;
  readonly user?: string;
  readonly pass?: string;
  readonly token?: string;
}

/**
 * Connects with unlimited reconnects, so a NATS restart pauses a service rather than killing it.
 * Waits for the first connection too, so services may start before NATS is up. Without async
 * traces: the client would otherwise build two Error objects (stack captures) for every request
 * and JetStream publish in case it fails — a tenth of a stage's CPU at zero backend latency —
 * and our errors name the operation anyway.
 */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.servers,
    name: options.name,
    ...(options.user ? { user: options.user, pass: options.pass } : {}),
    ...(options.token ? { token: options.token } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    timeout: 10_000,
    noAsyncTraces: true,
  });
}
