import type { GetRunResponse, MagpieServiceDefinition } from '@magpie/api';
import { runToProto } from '@magpie/api';
import type { RunCounts, RunState } from '@magpie/contracts';
import protobuf from 'protobufjs';

/** A response already serialized: the service's serializers pass its bytes through unchanged. */
export class PreEncoded {
  readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
}

/**
 * `service` with response serializers that send a PreEncoded response's bytes as they are and
 * serialize anything else as before.
 */
export function acceptPreEncoded(service: MagpieServiceDefinition): MagpieServiceDefinition {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(service)) {
    const serialize = method.responseSerialize as (value: unknown) => Buffer;
    out[name] = { ...method, responseSerialize: (value: unknown) => (value instanceof PreEncoded ? value.bytes : serialize(value)) };
  }
  return out as unknown as MagpieServiceDefinition;
}

interface Entry {
  readonly state: RunState;
  readonly counts: RunCounts;
  /** A serialized GetRunResponse: field 1 (`run`), length-delimited. */
  readonly bytes: Buffer;
}

/**
 * Serialized runs, kept per run until its document or counts change: GetRun answers with the bytes
 * as they are, and a ListRuns page is the concatenation of its runs' bytes plus its token, because
 * GetRunResponse.run and ListRunsResponse.runs are both field 1 (a repeated field is its elements
 * one after another). Under read load the gateway then maps and encodes each run once per change,
 * not once per call.
 */
export class EncodedRuns {
  readonly #serialize: (value: GetRunResponse) => Buffer;
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;

  constructor(service: MagpieServiceDefinition, maxEntries = 10_000) {
    this.#serialize = service.GetRun.responseSerialize;
    this.#max = maxEntries;
  }

  /** The GetRunResponse of a run with these counts, serialized. */
  run(state: RunState, counts: RunCounts): Buffer {
    const entry = this.#entries.get(state.runId);
    if (entry && entry.state === state && entry.counts === counts) return entry.bytes;
    const bytes = this.#serialize({ run: runToProto(state, counts) });
    this.#entries.delete(state.runId);
    this.#entries.set(state.runId, { state, counts, bytes });
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return bytes;
  }

  /** A serialized ListRunsResponse of serialized runs (from `run`) and the next page token. */
  page(runs: readonly Buffer[], nextPageToken: string): Buffer {
    const token = nextPageToken ? Buffer.from(protobuf.Writer.create().uint32((2 << 3) | 2).string(nextPageToken).finish()) : Buffer.alloc(0);
    return Buffer.concat([...runs, token]);
  }
}
