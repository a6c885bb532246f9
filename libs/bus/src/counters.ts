import type { JetStreamManager } from '@nats-io/jetstream';

/**
 * The current values of counters in a JetStream counter stream (`allow_msg_counter`): each
 * subject's last message holds its running total as `{"val":"<integer>"}`. A subject that was
 * never incremented reads 0. Reads go to the stream leader, so a value is never older than an
 * acknowledged increment.
 */
export async function counterValues(jsm: JetStreamManager, stream: string, subjects: readonly string[]): Promise<Readonly<Record<string, number>>> {
  const values = await Promise.all(
    subjects.map(async (subject) => {
      // Null when the subject holds no message (never incremented, or aged out).
      const msg = await jsm.streams.getMessage(stream, { last_by_subj: subject });
      return [subject, msg ? parseCounter(msg.string()) : 0] as const;
    }),
  );
  return Object.fromEntries(values);
}

function parseCounter(body: string): number {
  const val = (JSON.parse(body) as { val?: unknown }).val;
  const n = typeof val === 'string' ? Number(val) : NaN;
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a counter value: ${body.slice(0, 100)}`);
  return n;
}

