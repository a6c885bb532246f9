// Original file: proto/magpie/v1/magpie.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The backlog of one durable consumer, as KEDA's nats-jetstream trigger reads it.
 */
export interface ConsumerLagInput {
  /**
   * The stream, e.g. RECORDS.
   */
  'stream'?: (string);
  /**
   * The durable consumer's name, e.g. solver.
   */
  'durable'?: (string);
  /**
   * Messages not delivered yet (num_pending).
   */
  'pending'?: (number | string | Long);
  /**
   * Messages delivered and not acknowledged yet (num_ack_pending).
   */
  'ack_pending'?: (number | string | Long);
  /**
   * False when the consumer does not exist yet (its stage never started).
   */
  'exists'?: (boolean);
}

/**
 * The backlog of one durable consumer, as KEDA's nats-jetstream trigger reads it.
 */
export interface ConsumerLag {
  /**
   * The stream, e.g. RECORDS.
   */
  'stream': (string);
  /**
   * The durable consumer's name, e.g. solver.
   */
  'durable': (string);
  /**
   * Messages not delivered yet (num_pending).
   */
  'pending': (string);
  /**
   * Messages delivered and not acknowledged yet (num_ack_pending).
   */
  'ack_pending': (string);
  /**
   * False when the consumer does not exist yet (its stage never started).
   */
  'exists': (boolean);
}
