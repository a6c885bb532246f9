import { JetStreamApiCodes, JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';

/** What a durable consumer still has to do. */
export interface ConsumerBacklog {
  /** Messages on the consumer's filter not delivered yet (num_pending). */
  readonly pending: number;
  /** Messages delivered and not acknowledged yet (num_ack_pending). */
  readonly ackPending: number;
}

/**
 * A durable consumer's backlog, the two numbers KEDA's nats-jetstream scaler adds up to its lag;
 * undefined when the consumer (or its stream) does not exist yet, e.g. before the stage first
 * started. Other failures (NATS unreachable, no permission) are thrown.
 */
export async function consumerBacklog(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerBacklog | undefined> {
  try {
    const info = await jsm.consumers.info(stream, durable);
    return { pending: info.num_pending, ackPending: info.num_ack_pending };
  } catch (err) {
    if (err instanceof JetStreamApiError && (err.code === JetStreamApiCodes.ConsumerNotFound || err.code === JetStreamApiCodes.StreamNotFound)) return undefined;
    throw err;
  }
}
