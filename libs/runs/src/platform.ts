import { jetstream, jetstreamManager, provisionStreams, Publisher, type JetStreamClient, type JetStreamManager, type NatsConnection } from '@magpie/bus';
import type { Logger } from '@magpie/logging';
import { RecordLog } from './record-log.js';
import { RunStore } from './run-store.js';
import { RunTracker } from './run-tracker.js';

/** The JetStream handles and run-control objects every service needs. */
export interface Platform {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly store: RunStore;
  readonly log: RecordLog;
  readonly tracker: RunTracker;
}

export interface OpenPlatformOptions {
  readonly nc: NatsConnection;
  readonly logger: Logger;
  readonly duplicateWindowMs: number;
  readonly retentionMs: number;
}

/** Provisions streams and the runs bucket (idempotent) and builds the shared objects. */
export async function openPlatform(options: OpenPlatformOptions): Promise<Platform> {
  const js = jetstream(options.nc);
  const jsm = await jetstreamManager(options.nc);
  await provisionStreams(jsm, { duplicateWindowMs: options.duplicateWindowMs, retentionMs: options.retentionMs });
  const store = await RunStore.open(options.nc);
  const publisher = new Publisher({ js });
  const log = new RecordLog({ js, jsm });
  const tracker = new RunTracker({ store, log, publisher, logger: options.logger });
  return { js, jsm, publisher, store, log, tracker };
}
