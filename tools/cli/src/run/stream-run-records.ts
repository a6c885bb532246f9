import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { isGrpcError, recordFromProto, type MagpieClient } from '@magpie/api';
import type { AnyRecord } from '@magpie/contracts';

export interface StreamRunRecordsOptions {
  readonly client: MagpieClient;
  readonly runId: string;
  /** Aborting cancels the stream; the function then throws the CANCELLED error. */
  readonly signal: AbortSignal;
  /** Called once per record in stream order; the next record waits for it. */
  readonly onRecord: (record: AnyRecord, cursor: number) => Promise<void>;
  /**
   * How long to keep reconnecting after UNAVAILABLE without receiving a record before giving up
   * with the last error.
   */
  readonly reconnectWithinMs: number;
  /** First pause before reconnecting; doubles per consecutive failure up to 5 s. Default 250 ms. */
  readonly retryDelayMs?: number;
  /** Told about every reconnect, e.g. to print it. */
  readonly onReconnect?: (fromCursor: number, error: grpc.ServiceError) => void;
}

export interface StreamRunRecordsResult {
  /** Cursor of the last record received; 0 when none was. */
  readonly lastCursor: number;
  readonly reconnects: number;
}

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Streams a run's records from the start until the server ends the stream (the run ended). When the
 * stream breaks with UNAVAILABLE it resumes after the last cursor received, so no record is lost
 * (one may arrive twice if the server replays it; callers must be idempotent). Throws the grpc
 * error for any other status, or for UNAVAILABLE once `reconnectWithinMs` passes with no record;
 * throws ConnectTimeoutError when the gateway does not come back in that time.
 */
export async function streamRunRecords(options: StreamRunRecordsOptions): Promise<StreamRunRecordsResult> {
  const { client, runId, signal } = options;
  const firstDelayMs = options.retryDelayMs ?? 250;
  let cursor = 0;
  let reconnects = 0;
  let failures = 0;
  let giveUpAt = Date.now() + options.reconnectWithinMs;
  for (;;) {
    try {
      for await (const event of client.streamRecords({ run_id: runId, from_cursor: String(cursor) }, { signal })) {
        const { cursor: next, record } = recordFromProto(event);
        await options.onRecord(record, next);
        cursor = next;
        failures = 0;
        giveUpAt = Date.now() + options.reconnectWithinMs;
      }
      return { lastCursor: cursor, reconnects };
    } catch (error) {
      const retriable = isGrpcError(error) && error.code === grpc.status.UNAVAILABLE && !signal.aborted;
      if (!retriable || Date.now() >= giveUpAt) throw error;
      options.onReconnect?.(cursor, error);
      const delayMs = Math.min(firstDelayMs * 2 ** failures, MAX_RETRY_DELAY_MS);
      failures += 1;
      reconnects += 1;
      await sleep(delayMs, undefined, { signal });
      await client.waitForReady(Math.max(giveUpAt - Date.now(), 1));
    }
  }
}
