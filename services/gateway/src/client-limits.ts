import { createHash } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { LimitExceededError } from './errors.js';

export interface ClientLimitsOptions {
  /** Unary calls one client may have in flight. */
  readonly maxCalls: number;
  /** Streams one client may have open. */
  readonly maxStreams: number;
  /** Calls per second one client may start (bursts up to twice that); 0 for no rate limit. */
  readonly ratePerSecond: number;
  readonly now?: () => number;
}

interface ClientState {
  calls: number;
  streams: number;
  tokens: number;
  refilledAt: number;
}

/**
 * Who a call comes from: its bearer token (hashed, never kept in clear), or its peer's address
 * without the port when the gateway runs without tokens.
 */
export function clientKey(metadata: grpc.Metadata, peer: string): string {
  const [authorization] = metadata.get('authorization');
  if (typeof authorization === 'string' && authorization.length > 0) return `token:${createHash('sha256').update(authorization).digest('hex').slice(0, 16)}`;
  return `peer:${peer.replace(/:\d+$/, '')}`;
}

/**
 * Per-client limits: calls in flight, open streams, and a token-bucket rate. A call over a limit
 * is refused with LimitExceededError (RESOURCE_EXHAUSTED), naming the variable that sets it, so
 * one client cannot take the gateway (and its bus) from the others.
 */
export class ClientLimits {
  readonly #o: ClientLimitsOptions;
  readonly #now: () => number;
  readonly #clients = new Map<string, ClientState>();

  constructor(options: ClientLimitsOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  /** Admits one call of `client`; returns the function that releases it. Throws LimitExceededError. */
  admit(client: string, kind: 'call' | 'stream'): () => void {
    const state = this.#state(client);
    this.#takeToken(state);
    if (kind === 'call' && state.calls >= this.#o.maxCalls) {
      throw new LimitExceededError(`MAX_CALLS_PER_CLIENT: ${this.#o.maxCalls} calls of this client are in flight; retry with backoff`);
    }
    if (kind === 'stream' && state.streams >= this.#o.maxStreams) {
      throw new LimitExceededError(`MAX_STREAMS_PER_CLIENT: ${this.#o.maxStreams} streams of this client are open; close one first`);
    }
    if (kind === 'call') state.calls++;
    else state.streams++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (kind === 'call') state.calls--;
      else state.streams--;
      if (state.calls === 0 && state.streams === 0 && state.tokens >= this.#burst()) this.#clients.delete(client);
    };
  }

  #burst(): number {
    return this.#o.ratePerSecond * 2;
  }

  #state(client: string): ClientState {
    let state = this.#clients.get(client);
    if (!state) {
      state = { calls: 0, streams: 0, tokens: this.#burst(), refilledAt: this.#now() };
      this.#clients.set(client, state);
    }
    return state;
  }

  #takeToken(state: ClientState): void {
    if (this.#o.ratePerSecond === 0) return;
    const now = this.#now();
    state.tokens = Math.min(this.#burst(), state.tokens + ((now - state.refilledAt) / 1000) * this.#o.ratePerSecond);
    state.refilledAt = now;
    if (state.tokens < 1) throw new LimitExceededError(`CLIENT_RATE_PER_SECOND: more than ${this.#o.ratePerSecond} calls per second from this client; retry with backoff`);
    state.tokens -= 1;
  }
}
