import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Streams } from '@magpie/contracts';

export interface StreamProvisionOptions {
  /** How long a Nats-Msg-Id is remembered: retried publishes inside it are stored once. */
  readonly duplicateWindowMs: number;
  /** How long records, run events and dead letters are kept. */
  readonly retentionMs: number;
  /** Memory storage for throwaway tests; file storage otherwise. */
  readonly storage?: 'file' | 'memory';
}

/** The stream configs the platform needs, derived from the contracts' catalog. */
export function streamConfigs(options: StreamProvisionOptions): (Partial<StreamConfig> & { name: string })[] {
  const storage = options.storage === 'memory' ? StorageType.Memory : StorageType.File;
  const common = {
    storage,
    num_replicas: 1,
    duplicate_window: nanos(options.duplicateWindowMs),
    discard: DiscardPolicy.Old,
  };
  return [
    { ...common, ...Streams.records, subjects: [...Streams.records.subjects], retention: RetentionPolicy.Limits, max_age: nanos(options.retentionMs) },
    { ...common, ...Streams.runs, subjects: [...Streams.runs.subjects], retention: RetentionPolicy.Limits, max_age: nanos(options.retentionMs) },
    // A work queue: a task is removed once acked, so a restarted generator only sees unfinished work.
    { ...common, ...Streams.genTasks, subjects: [...Streams.genTasks.subjects], retention: RetentionPolicy.Workqueue },
    { ...common, ...Streams.rejections, subjects: [...Streams.rejections.subjects], retention: RetentionPolicy.Limits, max_age: nanos(options.retentionMs) },
    { ...common, ...Streams.dlq, subjects: [...Streams.dlq.subjects], retention: RetentionPolicy.Limits, max_age: nanos(options.retentionMs) },
    // A counter stream: every subject sums its deduplicated increments (the run's quality summary).
    {
      ...common,
      ...Streams.quality,
      subjects: [...Streams.quality.subjects],
      retention: RetentionPolicy.Limits,
      max_age: nanos(options.retentionMs),
      allow_msg_counter: true,
      allow_direct: true,
    },
  ];
}

/**
 * Creates or updates every stream. Safe to call from every service at every start: an existing
 * stream is updated in place, never recreated, so no data is lost.
 */
export async function provisionStreams(jsm: JetStreamManager, options: StreamProvisionOptions): Promise<void> {
  for (const config of streamConfigs(options)) {
    const name = config.name;
    const exists = await jsm.streams.info(name).then(
      () => true,
      () => false,
    );
    if (exists) {
      // Retention and storage cannot change in place; only update the mutable limits.
      await jsm.streams.update(name, { subjects: config.subjects, duplicate_window: config.duplicate_window, max_age: config.max_age });
    } else {
      try {
        await jsm.streams.add(config);
      } catch (err) {
        // Another service created it between our info and add: that is fine.
        const created = await jsm.streams.info(name).then(
          () => true,
          () => false,
        );
        if (!created) throw err;
      }
    }
  }
}
