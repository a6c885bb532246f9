import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProblemRecord, RewardsRecord, SamplesRecord, SolutionRecord, TagOptions, TagsRecord } from '@magpie/contracts';
import type { DatasetFileNames } from './dataset-file-names.js';
import type { DatasetContents, DatasetFileEntry } from './dataset-info.js';
import { dpoRow } from './dpo-row.js';
import { DatasetWriterError } from './errors.js';
import { dpoExportDecision, sftExportDecision } from './export-filters.js';
import type { RowFileWriter } from './json-file-writers.js';
import { ins5resArmormRow, ins5resRow, insResRow, insRow } from './magpie-rows.js';
import { messagesRow } from './messages-row.js';
import { openRowFile, ROW_FILES, type RowFileSpec, type RowKind } from './row-files.js';
import { sharegptRow } from './sharegpt-row.js';
import { trainingExclusions, type TrainingExclusion } from './training-filter.js';

/** One problem's records, as its stages stored them (a stage that never answered is missing). */
export interface ProblemRecords {
  readonly problem: ProblemRecord;
  readonly solution: SolutionRecord | undefined;
  readonly samples: SamplesRecord | undefined;
  readonly rewards: RewardsRecord | undefined;
  readonly tags: TagsRecord | undefined;
}

export interface RowEmitterOptions {
  readonly dir: string;
  readonly fileNames: DatasetFileNames;
  /** Unix seconds of the run's start (ShareGPT conversation ids). */
  readonly timestamp: number;
  readonly keepUnverified: boolean;
  /** The run's tag recipe: which problems the training exports keep. */
  readonly recipe: TagOptions;
}

/** What the emitted rows add up to, for dataset_info.json. */
export interface EmittedRows {
  readonly files: DatasetFileEntry[];
  readonly completeProblems: number;
  /** What the training exports left out: cut-off or empty solutions, unverified solutions, unverified pairs. */
  readonly excluded: Readonly<Record<'sftNotReady' | 'sftUnverified' | 'pairsUnverified', number>>;
  readonly trainingExcluded: DatasetContents['training_excluded'];
}

interface OpenRowFile {
  readonly spec: RowFileSpec;
  readonly writer: RowFileWriter;
}

type Excluded = Record<keyof EmittedRows['excluded'], number>;

const sortedCounts = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Writes the rows of every data file, one problem at a time in the order given (the caller gives
 * ascending ids), into `.<name>.partial` files that `close` renames to their final names; also
 * counts what the files hold. Used for a whole build at the end of a run and for rows written
 * while the run still runs: both write the same bytes for the same problems in the same order.
 */
export class RowEmitter {
  readonly #o: RowEmitterOptions;
  readonly #open: readonly OpenRowFile[];
  readonly #excluded: Excluded = { sftNotReady: 0, sftUnverified: 0, pairsUnverified: 0 };
  readonly #byReason = { sft: new Map<string, number>(), dpo: new Map<string, number>() };
  #completeProblems = 0;

  private constructor(options: RowEmitterOptions, open: readonly OpenRowFile[]) {
    this.#o = options;
    this.#open = open;
  }

  /** Opens every data file's partial file; nothing is left open when one cannot be created. */
  static async open(options: RowEmitterOptions): Promise<RowEmitter> {
    const open: OpenRowFile[] = [];
    try {
      for (const spec of ROW_FILES) open.push({ spec, writer: await openRowFile(spec, join(options.dir, `.${options.fileNames[spec.role]}.partial`)) });
    } catch (error) {
      await Promise.allSettled(open.map(({ writer }) => writer.close()));
      await Promise.allSettled(open.map(({ writer }) => rm(writer.path, { force: true })));
      throw error;
    }
    return new RowEmitter(options, open);
  }

  /**
   * Emits one problem's rows of every kind its stage records allow. The solution files carry the
   * tags (unitag.py's fields) and the contamination evidence; the training exports leave out what
   * is cut off, not verified, contaminated or outside the tag recipe.
   */
  async write(records: ProblemRecords): Promise<void> {
    const { problem, solution, samples, rewards, tags } = records;
    const { timestamp, keepUnverified, recipe } = this.#o;
    const slot = { solution, samples, rewards, tags };
    const exclusions = trainingExclusions({ problem, tags, rewards, recipe });
    await this.#emit('ins', insRow(problem));
    if (solution) {
      await this.#emit('insRes', insResRow(problem, solution, slot));
      const decision = sftExportDecision(solution, rewards, keepUnverified);
      if (decision.sharegpt === 'include' && exclusions.sft.length === 0) await this.#emit('sharegpt', sharegptRow(problem, solution, timestamp, slot));
      if (decision.messages === 'include' && exclusions.sft.length === 0) await this.#emit('messages', messagesRow(problem, solution));
      if (decision.messages === 'not_ready') this.#excluded.sftNotReady += 1;
      if (decision.messages === 'unverified') this.#excluded.sftUnverified += 1;
    }
    if (samples) await this.#emit('ins5res', ins5resRow(problem, samples, slot));
    if (samples && rewards) await this.#emit('ins5resArmorm', ins5resArmormRow(problem, samples, rewards, slot));
    const pair = rewards && dpoRow(problem, rewards);
    if (pair && rewards && exclusions.dpo.length === 0) {
      if (dpoExportDecision(rewards, keepUnverified) === 'include') await this.#emit('dpo', pair);
      else this.#excluded.pairsUnverified += 1;
    }
    if (solution !== undefined && samples !== undefined && rewards !== undefined) this.#completeProblems += 1;
    this.#count(this.#byReason.sft, exclusions.sft);
    this.#count(this.#byReason.dpo, exclusions.dpo);
  }

  /**
   * Ends every file and renames it to its final name; resolves with what they hold. On a failure
   * no partial file is left behind and the first error is the one thrown.
   */
  async close(): Promise<EmittedRows> {
    try {
      for (const { writer } of this.#open) await writer.close();
    } catch (error) {
      await this.discard();
      throw error;
    }
    const files: DatasetFileEntry[] = [];
    for (const { spec, writer } of this.#open) {
      const target = join(this.#o.dir, this.#o.fileNames[spec.role]);
      try {
        await rename(writer.path, target);
      } catch (cause) {
        throw new DatasetWriterError(`cannot write ${target}`, { cause });
      }
      files.push({ name: this.#o.fileNames[spec.role], records: writer.rows });
    }
    return {
      files,
      completeProblems: this.#completeProblems,
      excluded: { ...this.#excluded },
      trainingExcluded: { sft: sortedCounts(this.#byReason.sft), dpo: sortedCounts(this.#byReason.dpo) },
    };
  }

  /** Closes every file and removes the partial files. */
  async discard(): Promise<void> {
    await Promise.allSettled(this.#open.map(({ writer }) => writer.close()));
    await Promise.allSettled(this.#open.map(({ writer }) => rm(writer.path, { force: true })));
  }

  async #emit(kind: RowKind, row: object): Promise<void> {
    for (const { spec, writer } of this.#open) if (spec.rows === kind) await writer.add(row);
  }

  #count(into: Map<string, number>, reasons: readonly TrainingExclusion[]): void {
    for (const reason of reasons) into.set(reason, (into.get(reason) ?? 0) + 1);
  }
}
