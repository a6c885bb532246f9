import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvBucket, ObjectBucket } from '@magpie/bus';
import { DatasetExportManifest, isTerminal, type AnyRecord, type ExportedFile, type RunCounts, type RunState } from '@magpie/contracts';
import { EXPORT_FORMAT_FILES, finishRunDataset, writeRunDataset, type DatasetFileNames, type DatasetSummary } from '@magpie/dataset';
import type { Logger } from '@magpie/logging';
import type { RecordLog } from '@magpie/runs';
import { FailedPreconditionError, NotReadyError } from './errors.js';
import { ExportBuildLocks, type HeldBuildLock } from './export-build-lock.js';
import { FollowingBuild } from './following-build.js';

export interface DatasetExportsOptions {
  readonly kv: KvBucket;
  readonly objects: ObjectBucket;
  readonly log: RecordLog;
  readonly counts: (state: RunState) => Promise<RunCounts>;
  readonly logger: Logger;
  /** Written into dataset_info.json. */
  readonly platform: { readonly name: string; readonly version: string };
  /** A build lock not renewed for this long is taken over (its builder died). Default 60 s. */
  readonly staleLockMs?: number;
  /** How often a replica waiting for another's build looks for the manifest. Default 250 ms. */
  readonly pollMs?: number;
}

const manifestKey = (runId: string): string => `manifest.${runId}`;
const DIGEST_PREFIX = 'SHA-256=';

/** The file's SHA-256 in hex: from the object store's digest of what it stored, else read again. */
async function sha256Of(path: string, storeDigest: string): Promise<string> {
  if (storeDigest.startsWith(DIGEST_PREFIX)) {
    const bytes = Buffer.from(storeDigest.slice(DIGEST_PREFIX.length), 'base64url');
    if (bytes.length === 32) return bytes.toString('hex');
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Following {
  readonly build: FollowingBuild;
  readonly lock: HeldBuildLock;
}

/**
 * The dataset files of finished runs, built once with libs/dataset's DatasetWriter from the run's
 * record log and kept in the JetStream object store, so any replica can serve them later, to a
 * client that disconnected too. Exactly one replica builds a run's files: the one that creates the
 * run's lock key; the others wait for its manifest (and take over a lock left by a replica that
 * died). The replica that takes the lock when it sees a run start builds the files while the run
 * runs (FollowingBuild), so its dataset is stored moments after the run ends; a run nobody
 * followed to its end (the builder died or restarted) is built whole from its record log.
 * File names are Magpie's, from the run's model, count and start time.
 */
export class DatasetExports {
  readonly #o: DatasetExportsOptions;
  readonly #locks: ExportBuildLocks;
  readonly #building = new Map<string, Promise<DatasetExportManifest>>();
  readonly #following = new Map<string, Promise<Following | undefined>>();
  readonly #stop = new AbortController();

  constructor(options: DatasetExportsOptions) {
    this.#o = options;
    this.#locks = new ExportBuildLocks({ kv: options.kv, owner: `gateway-${randomBytes(6).toString('hex')}`, staleLockMs: options.staleLockMs ?? 60_000 });
  }

  /**
   * A run was seen running: when this replica takes its build lock, it reads the run's records
   * into its dataset files from now on, so `ensure` only has the end left to do. Another
   * replica's live lock leaves the run to that replica.
   */
  follow(state: RunState): void {
    if (isTerminal(state.status) || this.#following.has(state.runId) || this.#stop.signal.aborted) return;
    const following = this.#startFollowing(state).catch((err: unknown) => {
      this.#o.logger.warn({ err, runId: state.runId }, 'dataset not built while the run runs; it is built when the run ends');
      return undefined;
    });
    this.#following.set(state.runId, following);
  }

  /** Stops every build that follows a run and removes its files; their locks go stale and another replica builds. */
  async stop(): Promise<void> {
    this.#stop.abort();
    const following = await Promise.all(this.#following.values());
    this.#following.clear();
    await Promise.allSettled(following.map(async (f) => {
      f?.lock.release();
      await f?.build.discard();
    }));
  }

  async #startFollowing(state: RunState): Promise<Following | undefined> {
    const lock = await this.#locks.acquire(state.runId);
    if (!lock) return undefined;
    try {
      const build = await FollowingBuild.start({ log: this.#o.log, state, signal: AbortSignal.any([lock.lost, this.#stop.signal]) });
      return { build, lock };
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** The run's manifest if its files are built; undefined otherwise. */
  async manifest(runId: string): Promise<DatasetExportManifest | undefined> {
    const entry = await this.#o.kv.get(manifestKey(runId));
    if (!entry) return undefined;
    const parsed = DatasetExportManifest.safeParse(entry.json());
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * The manifest of a finished run's files, building them (or waiting for the replica that does)
   * for at most `waitMs`. Throws FailedPreconditionError while the run is running and
   * NotReadyError when another replica's build takes longer than `waitMs`.
   */
  async ensure(state: RunState, waitMs: number): Promise<DatasetExportManifest> {
    if (!isTerminal(state.status)) throw new FailedPreconditionError(`run ${state.runId} is ${state.status}; its dataset can be exported once it has ended`);
    const existing = await this.manifest(state.runId);
    if (existing) return existing;
    let building = this.#building.get(state.runId);
    if (!building) {
      building = this.#finish(state, waitMs).finally(() => this.#building.delete(state.runId));
      this.#building.set(state.runId, building);
    }
    return building;
  }

  /** Ends the build that followed the run, or (when there is none, or it failed) builds the files whole. */
  async #finish(state: RunState, waitMs: number): Promise<DatasetExportManifest> {
    const following = await this.#following.get(state.runId);
    this.#following.delete(state.runId);
    if (following) {
      try {
        const endedAt = Date.now();
        const readBeforeEnd = following.build.recordsRead;
        const writtenBeforeEnd = following.build.writer.problemsWritten;
        const records = await following.build.end();
        const readMs = Date.now() - endedAt;
        const summary = await finishRunDataset(following.build.writer, { state, platform: this.#o.platform, counts: await this.#o.counts(state) });
        return await this.#store(state, { dir: following.build.dir, summary, fileNames: following.build.writer.fileNames }, {
          records,
          ms: Date.now() - following.build.startedAt,
          written: 'while the run ran',
          // What was left at the end: reading the last records, then writing the problems not written yet and dataset_info.json.
          readMs,
          finishMs: Date.now() - endedAt - readMs,
          readBeforeEnd,
          writtenBeforeEnd,
        });
      } catch (err) {
        this.#o.logger.warn({ err, runId: state.runId }, 'the dataset built while the run ran failed; building it again from the record log');
        await following.build.discard().catch(() => undefined);
      } finally {
        following.lock.release();
        await rm(following.build.dir, { recursive: true, force: true });
      }
    }
    return this.#buildOnce(state, waitMs);
  }

  async #buildOnce(state: RunState, waitMs: number): Promise<DatasetExportManifest> {
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const lock = await this.#locks.acquire(state.runId);
      if (lock) {
        try {
          return await this.#build(state);
        } finally {
          lock.release();
        }
      }
      const manifest = await this.manifest(state.runId);
      if (manifest) return manifest;
      if (Date.now() >= giveUpAt) throw new NotReadyError(`the dataset of run ${state.runId} is still being built; retry in a moment`);
      await new Promise((r) => setTimeout(r, this.#o.pollMs ?? 250));
    }
  }

  async *#recordsOf(runId: string): AsyncGenerator<AnyRecord> {
    for await (const { record } of this.#o.log.readStored(runId)) yield record;
  }

  async #build(state: RunState): Promise<DatasetExportManifest> {
    const startedAt = Date.now();
    const dir = await mkdtemp(join(tmpdir(), `magpie-export-${state.runId}-`));
    try {
      const { summary, fileNames, records } = await writeRunDataset({
        dir,
        state,
        records: this.#recordsOf(state.runId),
        platform: this.#o.platform,
        counts: await this.#o.counts(state),
      });
      return await this.#store(state, { dir, summary, fileNames }, { records, ms: Date.now() - startedAt, written: 'after the run ended' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Puts every file into the object store (all at once) and stores the manifest; resolves with the manifest that stands. */
  async #store(
    state: RunState,
    { dir, summary, fileNames }: { readonly dir: string; readonly summary: DatasetSummary; readonly fileNames: DatasetFileNames },
    logged: { readonly records: number; readonly ms: number; readonly written: string } & Readonly<Record<string, number | string>>,
  ): Promise<DatasetExportManifest> {
    const storeStartedAt = Date.now();
    const files = await Promise.all(
      summary.files.map(async (file): Promise<ExportedFile> => {
        const path = join(dir, file.name);
        const object = `${state.runId}/${file.name}`;
        const info = await this.#o.objects.putFile(object, path);
        return { name: file.name, object, sizeBytes: info.size, sha256: await sha256Of(path, info.digest) };
      }),
    );
    const stored = new Map(files.map((f) => [f.name, f]));
    const formats = Object.fromEntries(
      Object.entries(EXPORT_FORMAT_FILES).map(([format, roles]) => [format, roles.map((role) => stored.get(fileNames[role])).filter((f) => f !== undefined)]),
    ) as DatasetExportManifest['formats'];
    const manifest = DatasetExportManifest.parse({ schemaVersion: 1, runId: state.runId, builtAt: new Date().toISOString(), formats });
    await this.#o.kv.create(manifestKey(state.runId), JSON.stringify(manifest)).catch(async (err: unknown) => {
      // A replica that took over a stale lock may have finished first: its manifest stands.
      if (!(await this.manifest(state.runId))) throw err;
    });
    const sinceEndMs = state.finishedAt ? Date.now() - Date.parse(state.finishedAt) : undefined;
    this.#o.logger.info(
      { runId: state.runId, ...logged, files: stored.size, storeMs: Date.now() - storeStartedAt, sinceEndMs },
      'dataset built',
    );
    return (await this.manifest(state.runId)) ?? manifest;
  }
}
