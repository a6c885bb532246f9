import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyRecord, ProblemRecord, RecordKind, RewardsRecord, SamplesRecord, SolutionRecord, TagOptions, TagsRecord, TokenUsage } from '@magpie/contracts';
import { datasetFileNames, datasetFilePrefix, type DatasetFileNames } from './dataset-file-names.js';
import { buildDatasetInfo, type DatasetContents, type DatasetFileEntry, type DatasetInfo, type DatasetRunInfo } from './dataset-info.js';
import { buildDatasetCard } from './dataset-card.js';
import { DatasetWriterError } from './errors.js';
import { RecordSpool } from './record-spool.js';
import { RowEmitter, type EmittedRows, type ProblemRecords } from './row-emitter.js';

export interface DatasetWriterOptions {
  /** The dataset directory; created if missing. */
  readonly dir: string;
  /** The run's domain (`mixed` for a run over several domains): dataset_info.json names it. */
  readonly domain: string;
  /** The domains a problem may carry: the run's mix, or (when omitted) `[domain]`. */
  readonly domains?: readonly string[];
  /** The run every record must belong to. */
  readonly runId: string;
  /** The generator model id: names the files (`Magpie_{model after the last '/'}_…`). */
  readonly model: string;
  /** The run's problem count (Magpie's total_prompts), for the file names. */
  readonly count: number;
  /** Unix seconds of the run's start, for the file names and ShareGPT conversation ids. */
  readonly timestamp: number;
  /**
   * Put unverified solutions and pairs into the training exports (messages, ShareGPT, DPO) too.
   * By default they hold only verified records; `_ins_res` and the armorm files keep every record.
   */
  readonly keepUnverified?: boolean;
  /**
   * Write a problem's rows as soon as it and every problem with a lower id have a record of each
   * of `kinds` (the run's expected kinds), with the run's tag `recipe`, so `finish` is left with
   * the last problems only. The files are the same as without it (see finish).
   */
  readonly rowsAsReady?: { readonly kinds: readonly RecordKind[]; readonly recipe: TagOptions };
}

/** What `finish` wrote. */
export interface DatasetSummary {
  readonly dir: string;
  /** Every data file with its row count, then dataset_info.json and the dataset card README.md (records: 1 each). */
  readonly files: readonly DatasetFileEntry[];
  readonly info: DatasetInfo;
}

const KINDS = ['problem', 'solution', 'samples', 'rewards', 'tags'] as const satisfies readonly RecordKind[];
const SPOOL_DIR = '.spool';

type Spools = Readonly<Record<RecordKind, RecordSpool>>;

/**
 * Writes Magpie's dataset files for one run from records arriving in any order, with duplicates.
 * Records are spooled to `<dir>/.spool/` as they arrive (only ids and byte offsets stay in memory)
 * and joined by Magpie `id` in `finish`, which writes every file and removes the spool. With
 * `rowsAsReady`, the rows of problems whose records are all in are written while records arrive.
 */
export class DatasetWriter {
  readonly dir: string;
  readonly domain: string;
  readonly runId: string;
  readonly timestamp: number;
  readonly keepUnverified: boolean;
  readonly fileNames: DatasetFileNames;
  /** `Magpie_{model}_{count}_{timestamp}`. */
  readonly filePrefix: string;
  readonly #spools: Spools;
  readonly #domains: ReadonlySet<string>;
  readonly #seenRecordIds = new Set<string>();
  readonly #pendingWrites = new Set<Promise<void>>();
  readonly #usage: Record<Exclude<RecordKind, 'rewards'>, TokenUsage> = {
    problem: { promptTokens: 0, completionTokens: 0 },
    solution: { promptTokens: 0, completionTokens: 0 },
    samples: { promptTokens: 0, completionTokens: 0 },
    tags: { promptTokens: 0, completionTokens: 0 },
  };
  readonly #problemsPerSubtopic = new Map<string, number>();
  readonly #skippedPairs = new Map<string, number>();
  readonly #asReady: DatasetWriterOptions['rowsAsReady'];
  #emitter: RowEmitter | undefined;
  #emitting: Promise<void> = Promise.resolve();
  /** The id of the next problem whose rows are written while records arrive (rows of 0 … nextId-1 are written). */
  #nextId = 0;
  #diverged = false;
  #pairsEmitted = 0;
  #duplicates = 0;
  #state: 'open' | 'finishing' | 'closed' = 'open';

  private constructor(options: DatasetWriterOptions, spools: Spools) {
    this.dir = options.dir;
    this.domain = options.domain;
    this.runId = options.runId;
    this.timestamp = options.timestamp;
    this.keepUnverified = options.keepUnverified ?? false;
    this.fileNames = datasetFileNames(options);
    this.filePrefix = datasetFilePrefix(options);
    this.#spools = spools;
    this.#domains = new Set(options.domains ?? [options.domain]);
    this.#asReady = options.rowsAsReady;
  }

  /** With `rowsAsReady`: how many problems (ids 0 … n-1) have their rows written already. */
  get problemsWritten(): number {
    return this.#nextId;
  }

  /**
   * Creates the directory and an empty spool. Throws DatasetWriterError when the directory cannot
   * be created or already holds a spool (another writer, or one that crashed: remove it first).
   */
  static async create(options: DatasetWriterOptions): Promise<DatasetWriter> {
    // Validates the name parts before anything is created on disk.
    datasetFileNames(options);
    const spoolDir = join(options.dir, SPOOL_DIR);
    try {
      await mkdir(options.dir, { recursive: true });
      await mkdir(spoolDir);
    } catch (cause) {
      throw new DatasetWriterError(`cannot create spool directory ${spoolDir}`, { cause });
    }
    const spools: Partial<Record<RecordKind, RecordSpool>> = {};
    for (const kind of KINDS) spools[kind] = await RecordSpool.create(join(spoolDir, `${kind}.jsonl`));
    return new DatasetWriter(options, spools as Spools);
  }

  /**
   * Spools a record. Resolves true when it was new and false when it was ignored as a duplicate:
   * its record id was seen before, or another record of its kind already has its `id`. Throws
   * DatasetWriterError for a record of another run or (problems) another domain, after `finish`,
   * or when the spool cannot be written.
   */
  async add(record: AnyRecord): Promise<boolean> {
    if (this.#state !== 'open') throw new DatasetWriterError('add after finish');
    if (record.runId !== this.runId) throw new DatasetWriterError(`record ${record.recordId} belongs to run ${record.runId}, not ${this.runId}`);
    if (record.kind === 'problem' && !this.#domains.has(record.domain)) {
      throw new DatasetWriterError(`problem ${record.recordId} is in domain ${record.domain}, not ${[...this.#domains].join(' or ')}`);
    }
    const spool = this.#spools[record.kind];
    if (this.#seenRecordIds.has(record.recordId) || spool.has(record.id)) {
      this.#duplicates += 1;
      return false;
    }
    this.#seenRecordIds.add(record.recordId);
    this.#account(record);
    const write = spool.append(record);
    this.#pendingWrites.add(write);
    try {
      await write;
    } finally {
      this.#pendingWrites.delete(write);
    }
    await this.#afterAdd(record);
    return true;
  }

  /**
   * Writes every file and dataset_info.json, then removes the spool. Problems are sorted by `id`;
   * a problem appears in a stage's file only when that stage's record arrived, so files of a
   * failed or cancelled run may be shorter (dataset_info.json says so). Files are written under
   * temporary names and renamed, so a file with a final name is complete. Throws
   * DatasetWriterError when called twice or when a write fails.
   */
  async finish(run: DatasetRunInfo): Promise<DatasetSummary> {
    if (this.#state !== 'open') throw new DatasetWriterError('finish called twice');
    this.#state = 'finishing';
    await Promise.all(this.#pendingWrites);
    try {
      const { files, completeProblems, orphaned, excluded, trainingExcluded } = await this.#writeFiles(run.spec.tags);
      const contents: DatasetContents = {
        complete_problems: completeProblems,
        duplicates_ignored: this.#duplicates,
        orphaned,
        pairs_emitted: this.#pairsEmitted,
        pairs_skipped: [...this.#skippedPairs.values()].reduce((a, b) => a + b, 0),
        sft_excluded: excluded.sftNotReady,
        sft_unverified_excluded: excluded.sftUnverified,
        pairs_unverified_excluded: excluded.pairsUnverified,
        training_excluded: trainingExcluded,
      };
      const info = buildDatasetInfo({
        runId: this.runId,
        domain: this.domain,
        filePrefix: this.filePrefix,
        timestamp: this.timestamp,
        skippedPairs: this.#skippedPairs,
        run,
        contents,
        problemsPerSubtopic: this.#problemsPerSubtopic,
        usage: this.#usage,
        files,
        keepUnverified: this.keepUnverified,
      });
      await this.#writeAtomically(this.fileNames.info, `${JSON.stringify(info, null, 2)}\n`);
      await this.#writeAtomically(this.fileNames.card, buildDatasetCard(info, this.fileNames));
      return { dir: this.dir, files: [...files, { name: this.fileNames.info, records: 1 }, { name: this.fileNames.card, records: 1 }], info };
    } finally {
      await this.#closeSpools();
      this.#state = 'closed';
    }
  }

  /** Closes and removes the spool without writing any file; for abandoning a dataset. */
  async discard(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'finishing';
    await Promise.allSettled(this.#pendingWrites);
    await this.#emitting.catch(() => undefined);
    await this.#emitter?.discard();
    this.#emitter = undefined;
    await this.#closeSpools();
    this.#state = 'closed';
  }

  #account(record: AnyRecord): void {
    if (record.kind === 'problem') {
      this.#problemsPerSubtopic.set(record.subtopic, (this.#problemsPerSubtopic.get(record.subtopic) ?? 0) + 1);
    }
    if (record.kind === 'rewards') {
      const reason = record.pair.skipReason;
      if (reason === null) this.#pairsEmitted += 1;
      else this.#skippedPairs.set(reason, (this.#skippedPairs.get(reason) ?? 0) + 1);
      return;
    }
    const total = this.#usage[record.kind];
    total.promptTokens += record.usage.promptTokens;
    total.completionTokens += record.usage.completionTokens;
  }

  /**
   * Writes the rows of every problem not written yet, in ascending id order, and ends the files.
   * Rows written while records arrived stand unless a record came for a problem already written
   * (or the recipe differs from the one they were written with): then every file is written again
   * from the spool, so the files are always what a build of the whole spool writes.
   */
  async #writeFiles(recipe: TagOptions): Promise<EmittedRows & { orphaned: number }> {
    await this.#emitting.catch(async (error: unknown) => {
      await this.#emitter?.discard();
      throw error;
    });
    let emitter = this.#emitter;
    let ids = this.#spools.problem.ids();
    if (emitter && (this.#diverged || JSON.stringify(recipe) !== JSON.stringify(this.#asReady?.recipe))) {
      await emitter.discard();
      emitter = undefined;
    }
    if (emitter) ids = ids.filter((id) => id >= this.#nextId);
    emitter ??= await this.#openEmitter(recipe);
    this.#emitter = undefined;
    let rows: EmittedRows;
    try {
      for (const id of ids) await emitter.write(await this.#recordsOf(id));
      rows = await emitter.close();
    } catch (error) {
      await emitter.discard();
      throw error;
    }
    const problems = this.#spools.problem;
    const orphaned = (['solution', 'samples', 'rewards', 'tags'] as const)
      .map((kind) => this.#spools[kind].ids().filter((id) => !problems.has(id)).length)
      .reduce((a, b) => a + b, 0);
    return { ...rows, orphaned };
  }

  #openEmitter(recipe: TagOptions): Promise<RowEmitter> {
    return RowEmitter.open({ dir: this.dir, fileNames: this.fileNames, timestamp: this.timestamp, keepUnverified: this.keepUnverified, recipe });
  }

  async #recordsOf(id: number): Promise<ProblemRecords> {
    const [problem, solution, samples, rewards, tags] = await Promise.all(KINDS.map((kind) => this.#spools[kind].read(id)));
    return {
      problem: problem as ProblemRecord,
      solution: solution as SolutionRecord | undefined,
      samples: samples as SamplesRecord | undefined,
      rewards: rewards as RewardsRecord | undefined,
      tags: tags as TagsRecord | undefined,
    };
  }

  /**
   * With `rowsAsReady`: after a record was added, writes the rows of the problems that are next in
   * id order and have every expected record, so `finish` has only the rest left to write. A
   * record for a problem already written means the early rows may be stale: `finish` rewrites.
   */
  #afterAdd(record: AnyRecord): Promise<void> {
    if (!this.#asReady || this.#diverged) return Promise.resolve();
    if (record.id < this.#nextId) {
      this.#diverged = true;
      return Promise.resolve();
    }
    if (record.id !== this.#nextId) return Promise.resolve();
    const asReady = this.#asReady;
    const run = async (): Promise<void> => {
      await Promise.all(this.#pendingWrites);
      while (!this.#diverged && this.#state === 'open' && asReady.kinds.every((kind) => this.#spools[kind].has(this.#nextId))) {
        this.#emitter ??= await this.#openEmitter(asReady.recipe);
        await this.#emitter.write(await this.#recordsOf(this.#nextId));
        this.#nextId += 1;
      }
    };
    this.#emitting = this.#emitting.then(run);
    return this.#emitting;
  }

  async #writeAtomically(name: string, text: string): Promise<void> {
    const partial = join(this.dir, `.${name}.partial`);
    try {
      await writeFile(partial, text, 'utf8');
      await rename(partial, join(this.dir, name));
    } catch (cause) {
      throw new DatasetWriterError(`cannot write ${join(this.dir, name)}`, { cause });
    }
  }

  async #closeSpools(): Promise<void> {
    await Promise.allSettled(KINDS.map((kind) => this.#spools[kind].close()));
    await rm(join(this.dir, SPOOL_DIR), { recursive: true, force: true });
  }
}
