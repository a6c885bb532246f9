import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyRecord, ProblemRecord, RecordKind, RewardsRecord, SamplesRecord, SolutionRecord, TagOptions, TagsRecord, TokenUsage } from '@magpie/contracts';
import { datasetFileNames, datasetFilePrefix, type DatasetFileNames } from './dataset-file-names.js';
import { buildDatasetInfo, type DatasetContents, type DatasetFileEntry, type DatasetInfo, type DatasetRunInfo } from './dataset-info.js';
import { buildDatasetCard } from './dataset-card.js';
import { DatasetWriterError } from './errors.js';
import type { RowFileWriter } from './json-file-writers.js';
import { openRowFile, ROW_FILES, type RowFileSpec, type RowKind } from './row-files.js';
import { dpoRow } from './dpo-row.js';
import { dpoExportDecision, sftExportDecision } from './export-filters.js';
import { ins5resArmormRow, ins5resRow, insResRow, insRow } from './magpie-rows.js';
import { messagesRow } from './messages-row.js';
import { sharegptRow } from './sharegpt-row.js';
import { RecordSpool } from './record-spool.js';
import { trainingExclusions, type TrainingExclusion, type TrainingExclusions } from './training-filter.js';

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
/** Writes a row of one kind to every file of that kind. */
type RowSink = (kind: RowKind, row: object) => Promise<void>;
/** What the training exports left out: cut-off or empty solutions, unverified solutions, unverified pairs. */
type Exclusions = Record<'sftNotReady' | 'sftUnverified' | 'pairsUnverified', number>;

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
    excluded: Exclusions;
    trainingExcluded: DatasetContents['training_excluded'];
  }> {
    const names = this.fileNames;
    const open: { spec: RowFileSpec; writer: RowFileWriter }[] = [];
    let completeProblems = 0;
    const excluded: Exclusions = { sftNotReady: 0, sftUnverified: 0, pairsUnverified: 0 };
    const byReason = { sft: new Map<string, number>(), dpo: new Map<string, number>() };
    const count = (into: Map<string, number>, reasons: readonly TrainingExclusion[]): void => {
      for (const reason of reasons) into.set(reason, (into.get(reason) ?? 0) + 1);
    };
    try {
      for (const spec of ROW_FILES) open.push({ spec, writer: await openRowFile(spec, join(this.dir, `.${names[spec.role]}.partial`)) });
      const emit: RowSink = async (kind, row) => {
        for (const { spec, writer } of open) if (spec.rows === kind) await writer.add(row);
      };
      for (const id of this.#spools.problem.ids()) {
        const written = await this.#writeProblem(id, emit, recipe);
        if (written.complete) completeProblems += 1;
        for (const key of written.excluded) excluded[key] += 1;
        count(byReason.sft, written.exclusions.sft);
        count(byReason.dpo, written.exclusions.dpo);
      }
      for (const { writer } of open) await writer.close();
    } catch (error) {
      // Close what is still open and leave no partial file behind; the first error is the one to report.
      await Promise.allSettled(open.map(({ writer }) => writer.close()));
      await Promise.allSettled(open.map(({ writer }) => rm(writer.path, { force: true })));
      throw error;
    }
    const files: DatasetFileEntry[] = [];
    for (const { spec, writer } of open) {
      const target = join(this.dir, names[spec.role]);
      try {
        await rename(writer.path, target);
      } catch (cause) {
        throw new DatasetWriterError(`cannot write ${target}`, { cause });
      }
      files.push({ name: names[spec.role], records: writer.rows });
    }
    const problems = this.#spools.problem;
    const orphaned = (['solution', 'samples', 'rewards', 'tags'] as const)
      .map((kind) => this.#spools[kind].ids().filter((id) => !problems.has(id)).length)
      .reduce((a, b) => a + b, 0);
    const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { files, completeProblems, orphaned, excluded, trainingExcluded: { sft: sorted(byReason.sft), dpo: sorted(byReason.dpo) } };
  }

  /**
   * Emits one problem's rows of every kind its stage records allow. `complete`: it is in every
   * Magpie file; `excluded`: what the training exports left out (cut off, or not verified);
   * `exclusions`: why it was kept out of the training exports by contamination or the tag recipe.
   * The solution files carry the tags (unitag.py's fields) and the contamination evidence.
   */
  async #writeProblem(
    id: number,
    emit: RowSink,
    recipe: TagOptions,
  ): Promise<{ complete: boolean; excluded: (keyof Exclusions)[]; exclusions: TrainingExclusions }> {
    const problem = (await this.#spools.problem.read(id)) as ProblemRecord;
    const solution = (await this.#spools.solution.read(id)) as SolutionRecord | undefined;
    const samples = (await this.#spools.samples.read(id)) as SamplesRecord | undefined;
    const rewards = (await this.#spools.rewards.read(id)) as RewardsRecord | undefined;
    const tags = (await this.#spools.tags.read(id)) as TagsRecord | undefined;
    const slot = { solution, samples, rewards, tags };
    const exclusions = trainingExclusions({ problem, tags, rewards, recipe });
    const excluded: (keyof Exclusions)[] = [];
    await emit('ins', insRow(problem));
    if (solution) {
      await emit('insRes', insResRow(problem, solution, slot));
      const decision = sftExportDecision(solution, rewards, this.keepUnverified);
      if (decision.sharegpt === 'include' && exclusions.sft.length === 0) await emit('sharegpt', sharegptRow(problem, solution, this.timestamp, slot));
      if (decision.messages === 'include' && exclusions.sft.length === 0) await emit('messages', messagesRow(problem, solution));
      if (decision.messages === 'not_ready') excluded.push('sftNotReady');
      if (decision.messages === 'unverified') excluded.push('sftUnverified');
    }
    if (samples) await emit('ins5res', ins5resRow(problem, samples, slot));
    if (samples && rewards) await emit('ins5resArmorm', ins5resArmormRow(problem, samples, rewards, slot));
    const pair = rewards && dpoRow(problem, rewards);
    if (pair && rewards && exclusions.dpo.length === 0) {
      if (dpoExportDecision(rewards, this.keepUnverified) === 'include') await emit('dpo', pair);
      else excluded.push('pairsUnverified');
    }
    return { complete: solution !== undefined && samples !== undefined && rewards !== undefined, excluded, exclusions };
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
