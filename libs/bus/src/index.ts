export * from './errors.js';
export * from './backoff.js';
export * from './connect-nats.js';
export * from './provision-streams.js';
export * from './publisher.js';
export * from './worker.js';
export type { NatsConnection } from '@nats-io/transport-node';
export { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
