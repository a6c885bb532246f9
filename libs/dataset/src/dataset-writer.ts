import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyRecord, ProblemRecord, RecordKind, RewardsRecord, SamplesRecord, SolutionRecord, TagOptions, TagsRecord, TokenUsage } from '@magpie/contracts';
import { datasetFileNames, datasetFilePrefix, type DatasetFileNames } from './dataset-file-names.js';
import { buildDatasetInfo, type DatasetContents, type DatasetFileEntry, type DatasetInfo, type DatasetRunInfo } from './dataset-info.js';
import { DatasetWriterError } from './errors.js';
import { createJsonArrayWriter, createJsonlWriter, type RowFileWriter } from './json-file-writers.js';
import { dpoRow } from './dpo-row.js';
import { ins5resArmormRow, ins5resRow, insResRow, insRow } from './magpie-rows.js';
import { isSftReady, messagesRow } from './messages-row.js';
import { sharegptRow } from './sharegpt-row.js';
import { RecordSpool } from './record-spool.js';
import { magpieTagFields, trainingExclusions, type TrainingExclusion } from './training-filter.js';

export interface DatasetWriterOptions {
  /** The dataset directory; created if missing. */
  readonly dir: string;
  /** The run's domain: it names the files and every problem must carry it. */
  readonly domain: string;
  /** The run every record must belong to. */
  readonly runId: string;
  /** The generator model id: names the files (`Magpie_{model after the last '/'}_…`). */
  readonly model: string;
  /** The run's problem count (Magpie's total_prompts), for the file names. */
  readonly count: number;
  /** Unix seconds of the run's start, for the file names and ShareGPT conversation ids. */
  readonly timestamp: number;
}

/** What `finish` wrote. */
export interface DatasetSummary {
  readonly dir: string;
  /** Every data file with its row count, then dataset_info.json (records: 1). */
  readonly files: readonly DatasetFileEntry[];
  readonly info: DatasetInfo;
}

const KINDS = ['problem', 'solution', 'samples', 'rewards', 'tags'] as const satisfies readonly RecordKind[];
const SPOOL_DIR = '.spool';

type Spools = Readonly<Record<RecordKind, RecordSpool>>;
type RowWriters = Readonly<Record<Exclude<keyof DatasetFileNames, 'info'>, RowFileWriter>>;

/**
 * Writes Magpie's dataset files for one run from records arriving in any order, with duplicates.
 * Records are spooled to `<dir>/.spool/` as they arrive (only ids and byte offsets stay in memory)
 * and joined by Magpie `id` in `finish`, which writes every file and removes the spool.
 */
export class DatasetWriter {
  readonly dir: string;
  readonly domain: string;
  readonly runId: string;
  readonly timestamp: number;
  readonly fileNames: DatasetFileNames;
  /** `Magpie_{model}_{count}_{timestamp}`. */
  readonly filePrefix: string;
  readonly #spools: Spools;
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
  #pairsEmitted = 0;
  #duplicates = 0;
  #state: 'open' | 'finishing' | 'closed' = 'open';

  private constructor(options: DatasetWriterOptions, spools: Spools) {
    this.dir = options.dir;
    this.domain = options.domain;
    this.runId = options.runId;
    this.timestamp = options.timestamp;
    this.fileNames = datasetFileNames(options);
    this.filePrefix = datasetFilePrefix(options);
    this.#spools = spools;
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
    if (record.kind === 'problem' && record.domain !== this.domain) {
      throw new DatasetWriterError(`problem ${record.recordId} is in domain ${record.domain}, not ${this.domain}`);
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
      const { files, completeProblems, orphaned, sftExcluded, trainingExcluded } = await this.#writeFiles(run.spec.tags);
      const contents: DatasetContents = {
        complete_problems: completeProblems,
        duplicates_ignored: this.#duplicates,
        orphaned,
        pairs_emitted: this.#pairsEmitted,
        pairs_skipped: [...this.#skippedPairs.values()].reduce((a, b) => a + b, 0),
        sft_excluded: sftExcluded,
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
      });
      await this.#writeAtomically(this.fileNames.info, `${JSON.stringify(info, null, 2)}\n`);
      return { dir: this.dir, files: [...files, { name: this.fileNames.info, records: 1 }], info };
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

  async #writeFiles(recipe: TagOptions): Promise<{
    files: DatasetFileEntry[];
    completeProblems: number;
    orphaned: number;
    sftExcluded: number;
    trainingExcluded: DatasetContents['training_excluded'];
  }> {
    const names = this.fileNames;
    const tmp = (name: string): string => join(this.dir, `.${name}.partial`);
    const writers = {
      ins: await createJsonArrayWriter(tmp(names.ins)),
      insRes: await createJsonArrayWriter(tmp(names.insRes)),
      ins5res: await createJsonArrayWriter(tmp(names.ins5res)),
      ins5resArmorm: await createJsonArrayWriter(tmp(names.ins5resArmorm)),
      insResJsonl: await createJsonlWriter(tmp(names.insResJsonl)),
      ins5resArmormJsonl: await createJsonlWriter(tmp(names.ins5resArmormJsonl)),
      sharegptJsonl: await createJsonlWriter(tmp(names.sharegptJsonl)),
      messagesJsonl: await createJsonlWriter(tmp(names.messagesJsonl)),
      dpoJsonl: await createJsonlWriter(tmp(names.dpoJsonl)),
    } satisfies RowWriters;
    let completeProblems = 0;
    let sftExcluded = 0;
    const excluded = { sft: new Map<string, number>(), dpo: new Map<string, number>() };
    const count = (into: Map<string, number>, reasons: readonly TrainingExclusion[]): void => {
      for (const reason of reasons) into.set(reason, (into.get(reason) ?? 0) + 1);
    };
    try {
      for (const id of this.#spools.problem.ids()) {
        const written = await this.#writeProblem(id, writers, recipe);
        if (written.complete) completeProblems += 1;
        if (written.sftExcluded) sftExcluded += 1;
        count(excluded.sft, written.exclusions.sft);
        count(excluded.dpo, written.exclusions.dpo);
      }
      for (const writer of Object.values(writers)) await writer.close();
    } catch (error) {
      // Close what is still open and leave no partial file behind; the first error is the one to report.
      await Promise.allSettled(Object.values(writers).map((w) => w.close()));
      await Promise.allSettled(Object.values(writers).map((w) => rm(w.path, { force: true })));
      throw error;
    }
    const files: DatasetFileEntry[] = [];
    for (const [role, writer] of Object.entries(writers) as [keyof typeof writers, RowFileWriter][]) {
      const target = join(this.dir, names[role]);
      try {
        await rename(writer.path, target);
      } catch (cause) {
        throw new DatasetWriterError(`cannot write ${target}`, { cause });
      }
      files.push({ name: names[role], records: writer.rows });
    }
    const problems = this.#spools.problem;
    const orphaned = (['solution', 'samples', 'rewards', 'tags'] as const)
      .map((kind) => this.#spools[kind].ids().filter((id) => !problems.has(id)).length)
      .reduce((a, b) => a + b, 0);
    const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { files, completeProblems, orphaned, sftExcluded, trainingExcluded: { sft: sorted(excluded.sft), dpo: sorted(excluded.dpo) } };
  }

  /**
   * Writes one problem's row to each file its stage records allow. `complete`: it is in every
   * Magpie file; `sftExcluded`: its solution was kept out of the SFT export; `exclusions`: why it
   * was kept out of the training exports (contamination, the tag recipe). Magpie's files carry the
   * tags (unitag.py's fields) and the contamination evidence.
   */
  async #writeProblem(
    id: number,
    writers: RowWriters,
    recipe: TagOptions,
  ): Promise<{ complete: boolean; sftExcluded: boolean; exclusions: ReturnType<typeof trainingExclusions> }> {
    const problem = (await this.#spools.problem.read(id)) as ProblemRecord;
    const solution = (await this.#spools.solution.read(id)) as SolutionRecord | undefined;
    const samples = (await this.#spools.samples.read(id)) as SamplesRecord | undefined;
    const rewards = (await this.#spools.rewards.read(id)) as RewardsRecord | undefined;
    const tags = (await this.#spools.tags.read(id)) as TagsRecord | undefined;
    const exclusions = trainingExclusions({ problem, tags, rewards, recipe });
    const findings = { ...(tags ? magpieTagFields(tags) : {}), ...(problem.contamination ? { contamination: problem.contamination } : {}) };
    await writers.ins.add(insRow(problem));
    if (solution) {
      const row = { ...insResRow(problem, solution), ...findings };
      await writers.insRes.add(row);
      await writers.insResJsonl.add(row);
      if (exclusions.sft.length === 0) {
        await writers.sharegptJsonl.add({ ...sharegptRow(problem, solution, this.timestamp), ...findings });
        if (isSftReady(solution)) await writers.messagesJsonl.add(messagesRow(problem, solution));
      }
    }
    if (samples) await writers.ins5res.add(ins5resRow(problem, samples));
    if (samples && rewards) {
      const row = ins5resArmormRow(problem, samples, rewards);
      await writers.ins5resArmorm.add(row);
      await writers.ins5resArmormJsonl.add(row);
    }
    const pair = rewards && exclusions.dpo.length === 0 && dpoRow(problem, rewards);
    if (pair) await writers.dpoJsonl.add(pair);
    return {
      complete: solution !== undefined && samples !== undefined && rewards !== undefined,
      sftExcluded: solution !== undefined && !isSftReady(solution),
      exclusions,
    };
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
