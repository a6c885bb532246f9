/**
 * Sends queued during one turn of the event loop, made together on the next (setImmediate).
 *
 * The NATS client buffers what is sent within one synchronous run and writes it to its socket on
 * the next microtask; every handler of a concurrent batch of messages publishes and acks from its
 * own continuation, so each publish and each ack costs a socket write of its own (a seventh of a
 * stage's CPU at zero backend latency, and as many reads in nats-server). Started from one
 * callback, the whole turn's sends go out in one write. A send waits one event-loop turn at most.
 */
export class SendBatch {
  /** The process's batch: sends of every publisher and worker of the process share its writes. */
  static readonly shared = new SendBatch();

  #queue: (() => void)[] = [];
  #scheduled = false;

  /** Queues `send` (which must not throw; a failure is its own to report) for the next turn. */
  run(send: () => void): void {
    this.#queue.push(send);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Calls `start` in the next turn's batch and settles as the promise it returns does. */
  start<R>(start: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.run(() => {
        try {
          start().then(resolve, reject);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
  }

  /** Makes every queued send now (e.g. before the connection closes); also runs on its own each turn. */
  flush(): void {
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    for (const send of queue) send();
  }
}
