import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvBucket, ObjectBucket } from '@magpie/bus';
import {
  DatasetExportLock,
  DatasetExportManifest,
  isTerminal,
  type AnyRecord,
  type ExportedFile,
  type RunCounts,
  type RunState,
} from '@magpie/contracts';
import { EXPORT_FORMAT_FILES, writeRunDataset } from '@magpie/dataset';
import type { Logger } from '@magpie/logging';
import type { RecordLog } from '@magpie/runs';
import { FailedPreconditionError, NotReadyError } from './errors.js';

export interface DatasetExportsOptions {
  readonly kv: KvBucket;
  readonly objects: ObjectBucket;
  readonly log: RecordLog;
  readonly counts: (state: RunState) => Promise<RunCounts>;
  readonly logger: Logger;
  /** Written into dataset_info.json. */
  readonly platform: { readonly name: string; readonly version: string };
  /** A build lock older than this without a manifest is taken over (its builder died). Default 10 min. */
  readonly staleLockMs?: number;
  /** How often a replica waiting for another's build looks for the manifest. Default 250 ms. */
  readonly pollMs?: number;
}

const manifestKey = (runId: string): string => `manifest.${runId}`;
const lockKey = (runId: string): string => `lock.${runId}`;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The dataset files of finished runs, built once with libs/dataset's DatasetWriter from the run's
 * record log and kept in the JetStream object store, so any replica can serve them later, to a
 * client that disconnected too. Exactly one replica builds a run's files: the one that creates the
 * run's lock key; the others wait for its manifest (and take over a lock left by a replica that
 * died). File names are Magpie's, from the run's model, count and start time.
 */
export class DatasetExports {
  readonly #o: DatasetExportsOptions;
  readonly #owner = `gateway-${randomBytes(6).toString('hex')}`;
  readonly #building = new Map<string, Promise<DatasetExportManifest>>();

  constructor(options: DatasetExportsOptions) {
    this.#o = options;
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
      building = this.#buildOnce(state, waitMs).finally(() => this.#building.delete(state.runId));
      this.#building.set(state.runId, building);
    }
    return building;
  }

  async #buildOnce(state: RunState, waitMs: number): Promise<DatasetExportManifest> {
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      if (await this.#lock(state.runId)) return this.#build(state);
      const manifest = await this.manifest(state.runId);
      if (manifest) return manifest;
      if (Date.now() >= giveUpAt) throw new NotReadyError(`the dataset of run ${state.runId} is still being built; retry in a moment`);
      await new Promise((r) => setTimeout(r, this.#o.pollMs ?? 250));
    }
  }

  /** True when this replica now holds the run's build lock (new, or taken over from a dead builder). */
  async #lock(runId: string): Promise<boolean> {
    const lock = JSON.stringify(DatasetExportLock.parse({ schemaVersion: 1, owner: this.#owner, lockedAt: new Date().toISOString() }));
    try {
      await this.#o.kv.create(lockKey(runId), lock);
      return true;
    } catch {
      const held = await this.#o.kv.get(lockKey(runId));
      if (!held) return false;
      const parsed = DatasetExportLock.safeParse(held.json());
      const age = parsed.success ? Date.now() - Date.parse(parsed.data.lockedAt) : Infinity;
      if (age < (this.#o.staleLockMs ?? 600_000)) return false;
      return this.#o.kv.update(lockKey(runId), lock, held.revision).then(
        () => true,
        () => false,
      );
    }
  }

  async *#recordsOf(runId: string): AsyncGenerator<AnyRecord> {
    for await (const { record } of this.#o.log.read(runId, { fromCursor: 0, isFinished: () => Promise.resolve(true) })) yield record;
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
      const stored = new Map<string, ExportedFile>();
      for (const file of summary.files) {
        const path = join(dir, file.name);
        const object = `${state.runId}/${file.name}`;
        const sha256 = await sha256Of(path);
        const info = await this.#o.objects.putFile(object, path);
        stored.set(file.name, { name: file.name, object, sizeBytes: info.size, sha256 });
      }
      const formats = Object.fromEntries(
        Object.entries(EXPORT_FORMAT_FILES).map(([format, roles]) => [format, roles.map((role) => stored.get(fileNames[role])).filter((f) => f !== undefined)]),
      ) as DatasetExportManifest['formats'];
      const manifest = DatasetExportManifest.parse({ schemaVersion: 1, runId: state.runId, builtAt: new Date().toISOString(), formats });
      await this.#o.kv.create(manifestKey(state.runId), JSON.stringify(manifest)).catch(async (err: unknown) => {
        // A replica that took over a stale lock may have finished first: its manifest stands.
        if (!(await this.manifest(state.runId))) throw err;
      });
      this.#o.logger.info({ runId: state.runId, records, files: stored.size, ms: Date.now() - startedAt }, 'dataset built');
      return (await this.manifest(state.runId)) ?? manifest;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
