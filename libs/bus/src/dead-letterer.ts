import type { JsMsg } from '@nats-io/jetstream';
import { DeadLetter, MsgIds, Subjects, runIdOfSubject } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { Publisher } from './publisher.js';

export interface DeadLettererOptions {
  readonly stream: string;
  readonly durableName: string;
  readonly stage: string;
  readonly publisher: Publisher;
  readonly logger: Logger;
  /** Called after a dead letter is stored. */
  readonly onDeadLetter?: (letter: DeadLetter, runId: string | undefined) => Promise<void>;
}

/** Stores a message the worker gives up on in the DLQ stream, with its error, under a deterministic id. */
export class DeadLetterer {
  readonly #o: DeadLettererOptions;

  constructor(options: DeadLettererOptions) {
    this.#o = options;
  }

  /** True once the letter is stored and reported; false when it could not be (the caller keeps the message). */
  async deadLetter(msg: JsMsg, error: string, failures: number): Promise<boolean> {
    const { stream, durableName, stage, publisher, logger } = this.#o;
    const runId = runIdOfSubject(msg.subject);
    const letter: DeadLetter = {
      schemaVersion: 1,
      stage,
      consumer: durableName,
      originalSubject: msg.subject,
      originalStreamSequence: msg.seq,
      payload: msg.string(),
      error: error.slice(0, 4096),
      deliveryCount: msg.info.deliveryCount,
      deadLetteredAt: new Date().toISOString(),
    };
    try {
      await publisher.publish(Subjects.deadLetter(runId ?? 'unknown', stage), DeadLetter, letter, MsgIds.deadLetter(stream, msg.seq));
      await this.#o.onDeadLetter?.(letter, runId);
      logger.error({ subject: msg.subject, error, deliveryCount: letter.deliveryCount, failures }, 'dead-lettered');
      return true;
    } catch (err) {
      logger.error({ err, subject: msg.subject }, 'dead-lettering failed; will retry');
      return false;
    }
  }
}
