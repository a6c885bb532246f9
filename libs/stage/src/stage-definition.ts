import type { WorkerContext } from '@magpie/bus';
import type { AnyRecord, RunState, Stage, TokenUsage } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { z } from 'zod';

/** Every message a stage handles belongs to one run. */
export interface StageInput {
  readonly runId: string;
}

/** One backend call as a handler asks for it. */
export interface BackendCall {
  /** Calls with one key prefer one replica (its prefix cache), e.g. the problem's record id. */
  readonly affinity?: string;
  /** Sequences the call makes the backend run: a request with `n` choices weighs `n`. */
  readonly sequences: number;
}

/** What a handler gets besides its message: the run, the backend and the ways to publish. */
export interface StageContext<C> {
  /** The run the message belongs to; it was `running` when the handler was called. */
  readonly run: RunState;
  readonly delivery: WorkerContext;
  readonly logger: Logger;
  /**
   * Runs one call on the stage's backend pool. Its signal aborts when the run leaves `running` or
   * the worker gives up on the message; resolves undefined when the run ended meanwhile (there is
   * then nothing to publish) and rethrows other errors.
   */
  backend<R>(call: BackendCall, work: (client: C, signal: AbortSignal) => Promise<R>): Promise<R | undefined>;
  /** False once the run was cancelled, failed or finished: stop spending backend calls on it. */
  isActive(): Promise<boolean>;
  /**
   * Publishes an output record with its record id as the Nats-Msg-Id (a redelivered message
   * cannot add a second record), and counts it and its tokens. Once the handler returns, the run's
   * completion check runs before the message is acked.
   */
  emit(record: AnyRecord, usage?: TokenUsage): Promise<void>;
  /** Publishes another contract message (a slot task, a rejection) under its deterministic msg id. */
  publish<P>(subject: string, schema: z.ZodType<P>, payload: P, msgId: string): Promise<void>;
  /**
   * Adds `delta` to a counter of a counter stream (the run's quality summary) under a
   * deterministic msg id, so a redelivered message adds nothing. Call it before `emit`, so the
   * counts are in place when the run's completion check reads them.
   */
  increment(subject: string, delta: number, msgId: string): Promise<void>;
}

/** How many messages a stage handles at once. */
export type StageConcurrency =
  /** Work without a backend: a fixed number. */
  | { readonly fixed: number }
  /**
   * Work on the backend: the pool's sequence capacity ÷ the sequences one call needs, learnt from
   * the calls made (a sampler call weighs the run's samples per problem); `expectedSequences` is
   * the guess until then.
   */
  | { readonly expectedSequences: number };

/** A stage: where its messages come from, what they are, how many at once and what to do with one. */
export interface StageDefinition<T extends StageInput, C> {
  /** Dead letters, logs and metrics are labelled with it. */
  readonly stage: Stage;
  /** The durable consumer's name; stable, as KEDA triggers and NATS permissions name it. */
  readonly durable: string;
  readonly stream: string;
  readonly filter: string;
  /** An invalid payload is dead-lettered without calling `handle`. */
  readonly schema: z.ZodType<T>;
  readonly concurrency: StageConcurrency;
  /**
   * The stage's own work for one message, called only while its run is `running`. Throw
   * TransientError (or any retryable error) to be retried with backoff, PermanentError to
   * dead-letter at once.
   */
  handle(input: T, ctx: StageContext<C>): Promise<void>;
}

/** Declares a stage; the framework (StageService) supplies the steps every stage shares. */
export function defineStage<T extends StageInput, C = never>(definition: StageDefinition<T, C>): StageDefinition<T, C> {
  return definition;
}
