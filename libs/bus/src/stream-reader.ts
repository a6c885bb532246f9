import { DeliverPolicy, type Consumer, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';

/** One message read from a stream. */
export interface StreamMessage {
  /** Its stream sequence. */
  readonly seq: number;
  readonly subject: string;
  json(): unknown;
}

export interface StreamReaderOptions {
  readonly stream: string;
  /** Subject filter (wildcards allowed), or several. */
  readonly filter: string | readonly string[];
  /** Sequence of the last message already seen; 0 reads from the start. */
  readonly afterSequence: number;
}

/**
 * Reads one stream in order through an ordered consumer: no durable state on the server, no acks,
 * and a gap-free sequence even across reconnects. Pulls only when asked for the next batch.
 */
export class StreamReader {
  readonly #consumer: Consumer;

  private constructor(consumer: Consumer) {
    this.#consumer = consumer;
  }

  static async open(js: JetStreamClient, options: StreamReaderOptions): Promise<StreamReader> {
    const consumer = await js.consumers.get(options.stream, {
      filter_subjects: typeof options.filter === 'string' ? [options.filter] : [...options.filter],
      ...(options.afterSequence > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.afterSequence + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
    return new StreamReader(consumer);
  }

  /** Up to `max` next messages; waits at most `expiresMs` for them, so an empty batch means none were there. */
  async *next(max: number, expiresMs: number): AsyncGenerator<StreamMessage> {
    const batch = await this.#consumer.fetch({ max_messages: max, expires: expiresMs });
    for await (const msg of batch) yield { seq: msg.seq, subject: msg.subject, json: () => msg.json() };
  }
}

/**
 * Messages stored per subject of `stream` among the subjects matching `filter`, read from the
 * stream's own state: deduplicated publishes are never counted twice, so the numbers are exact.
 */
export async function subjectCounts(jsm: JetStreamManager, stream: string, filter: string): Promise<Readonly<Record<string, number>>> {
  const info = await jsm.streams.info(stream, { subjects_filter: filter });
  return info.state.subjects ?? {};
}
