import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunState } from '@magpie/contracts';
import { createRunDatasetWriter, type DatasetWriter } from '@magpie/dataset';
import type { RecordLog } from '@magpie/runs';

export interface FollowingBuildOptions {
  readonly log: RecordLog;
  /** The run as seen running: its spec and start shape the files. */
  readonly state: RunState;
  /** Aborts the build (its lock was lost, or the gateway stops). */
  readonly signal: AbortSignal;
}

/**
 * A run's dataset written while the run runs: its records are read from the log as they are
 * stored into a DatasetWriter that writes each problem's rows once all its stages answered, so
 * when the run ends only its last problems and dataset_info.json are left to write.
 */
export class FollowingBuild {
  readonly dir: string;
  readonly writer: DatasetWriter;
  readonly startedAt = Date.now();
  readonly #reading: Promise<number>;
  readonly #end: () => void;
  readonly #stop = new AbortController();
  #recordsRead = 0;

  private constructor(dir: string, writer: DatasetWriter, options: FollowingBuildOptions) {
    this.dir = dir;
    this.writer = writer;
    let ended = false;
    let end: () => void = () => undefined;
    const endedPromise = new Promise<void>((resolve) => (end = resolve));
    this.#end = () => {
      ended = true;
      end();
    };
    const signal = AbortSignal.any([options.signal, this.#stop.signal]);
    this.#reading = (async () => {
      const read = options.log.read(options.state.runId, { fromCursor: 0, signal, isFinished: () => Promise.resolve(ended), ended: endedPromise });
      for await (const { record } of read) {
        await writer.add(record);
        this.#recordsRead++;
      }
      if (signal.aborted) throw new Error(`the dataset build of run ${options.state.runId} was stopped`, { cause: signal.reason });
      return this.#recordsRead;
    })();
    // Seen by end(); until then a failure only waits there.
    this.#reading.catch(() => undefined);
  }

  /** Records read into the writer so far. */
  get recordsRead(): number {
    return this.#recordsRead;
  }

  /** Starts reading the run's records into a writer in a new temporary directory. */
  static async start(options: FollowingBuildOptions): Promise<FollowingBuild> {
    const dir = await mkdtemp(join(tmpdir(), `magpie-export-${options.state.runId}-`));
    try {
      return new FollowingBuild(dir, await createRunDatasetWriter(dir, options.state, { asReady: true }), options);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * The run ended: reads what is stored up to its last record and resolves with the number of
   * records read, the writer ready to finish. Rejects when reading failed or was stopped.
   */
  end(): Promise<number> {
    this.#end();
    return this.#reading;
  }

  /** Stops reading, drops the writer and removes the directory. */
  async discard(): Promise<void> {
    this.#stop.abort();
    await this.#reading.catch(() => undefined);
    await this.writer.discard();
    await rm(this.dir, { recursive: true, force: true });
  }
}
