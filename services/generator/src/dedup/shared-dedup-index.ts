import { TransientError } from '@magpie/bus';
import type { DedupLogEntry } from '@magpie/contracts';
import { quantize } from './embedding-codec.js';
import type { Embedder } from './embedding-client.js';
import type { DedupLog, SequencedEntry } from './dedup-log-store.js';
import { fromDedupItem, toDedupItem, withRecordId, type IndexedProblem } from './indexed-problem.js';
import { ScopeIndex, type DedupSettings, type DuplicateVerdict } from './scope-index.js';

/** What became of one candidate. */
export type ScreenVerdict =
  | { readonly status: 'accepted'; readonly recordId: string }
  | { readonly status: 'duplicate'; readonly verdict: Extract<DuplicateVerdict, { duplicate: true }> }
  /** Every slot was taken by earlier candidates. */
  | { readonly status: 'surplus' };

export interface ScreenRequest {
  readonly scope: string;
  readonly settings: DedupSettings;
  /** Candidates in order of preference; their record ids are placeholders. */
  readonly candidates: readonly IndexedProblem[];
  /** Record ids for the accepted candidates, in order; candidates beyond them are surplus. */
  readonly slots: readonly string[];
  readonly signal?: AbortSignal;
}

export interface SharedDedupIndexOptions {
  readonly log: DedupLog;
  /** Needed only by runs with embedding dedup. */
  readonly embedder?: Embedder;
  /** Scopes kept in memory; the least recently used is dropped (and re-read when needed). */
  readonly maxScopes?: number;
  /** Lost appends in a row (other replicas appending the same scope) before giving up with a retryable error. */
  readonly maxConflicts?: number;
}

/** Serialised bytes per log entry at most (JetStream's default message limit is 1 MiB). */
const MAX_ENTRY_BYTES = 512 * 1024;

interface Mirror {
  readonly index: ScopeIndex;
  nextSeq: number;
}

/**
 * The duplicate index shared by every generator replica and every run of a dataset. Each scope
 * is an append-only log in KV (DedupLog); a replica mirrors it in memory. Accepting problems is a
 * compare-and-set: check the candidates against the mirror, then append them at the next position
 * with KV create — which exactly one replica wins. A replica that loses reads what the winner
 * appended and checks again, so two replicas can never both accept twins. Within a process, a
 * scope's screens run one at a time.
 */
export class SharedDedupIndex {
  readonly #o: SharedDedupIndexOptions;
  readonly #mirrors = new Map<string, Promise<Mirror>>();
  readonly #locks = new Map<string, Promise<void>>();

  constructor(options: SharedDedupIndexOptions) {
    this.#o = options;
  }

  /** Decides every candidate and, for the accepted ones, records them in the shared index before returning. */
  async screen(request: ScreenRequest): Promise<ScreenVerdict[]> {
    const model = request.settings.embeddingModel;
    if (model !== null) await this.#embedCandidates(model, request.candidates, request.signal);
    return this.#exclusive(request.scope, async () => {
      const mirror = await this.#mirror(request.scope);
      for (let conflicts = 0; ; conflicts++) {
        if (model !== null) await this.#embedMissing(mirror, model, request.signal);
        const { verdicts, fresh } = decide(mirror.index, request);
        if (await this.#append(request.scope, mirror, fresh)) return verdicts;
        if (conflicts + 1 >= (this.#o.maxConflicts ?? 50)) {
          throw new TransientError(`duplicate index ${request.scope}: lost ${conflicts + 1} appends in a row to other writers`);
        }
        this.#apply(mirror, await this.#o.log.readFrom(request.scope, mirror.nextSeq));
      }
    });
  }

  /** Appends `fresh` in entries of bounded size; false when another writer took a position first. */
  async #append(scope: string, mirror: Mirror, fresh: readonly IndexedProblem[]): Promise<boolean> {
    for (const items of chunks(fresh)) {
      const entry: DedupLogEntry = { schemaVersion: 1, items: items.map(toDedupItem) };
      if (!(await this.#o.log.append(scope, mirror.nextSeq, entry))) return false;
      this.#apply(mirror, [{ seq: mirror.nextSeq, entry }]);
    }
    return true;
  }

  #apply(mirror: Mirror, entries: readonly SequencedEntry[]): void {
    for (const { seq, entry } of entries) {
      for (const item of entry.items) mirror.index.add(fromDedupItem(item));
      mirror.nextSeq = Math.max(mirror.nextSeq, seq + 1);
    }
  }

  #mirror(scope: string): Promise<Mirror> {
    const existing = this.#mirrors.get(scope);
    if (existing) {
      this.#mirrors.delete(scope);
      this.#mirrors.set(scope, existing);
      return existing;
    }
    const loading = this.#o.log.load(scope).then((entries) => {
      const mirror: Mirror = { index: new ScopeIndex(), nextSeq: 0 };
      this.#apply(mirror, entries);
      return mirror;
    });
    loading.catch(() => this.#mirrors.delete(scope));
    this.#mirrors.set(scope, loading);
    while (this.#mirrors.size > (this.#o.maxScopes ?? 64)) {
      const oldest = this.#mirrors.keys().next().value;
      if (oldest === undefined) break;
      this.#mirrors.delete(oldest);
    }
    return loading;
  }

  async #exclusive<T>(scope: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(scope) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => mine);
    this.#locks.set(scope, chained);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.#locks.get(scope) === chained) this.#locks.delete(scope);
    }
  }

  #embedder(): Embedder {
    if (!this.#o.embedder) throw new TransientError('the run asks for embedding dedup but this generator has no embedding backend (EMBEDDING_BASE_URL)');
    return this.#o.embedder;
  }

  async #embedCandidates(model: string, candidates: readonly IndexedProblem[], signal: AbortSignal | undefined): Promise<void> {
    const missing = candidates.filter((c) => !c.embeddings.has(model));
    if (missing.length === 0) return;
    const vectors = await this.#embedder().embed(model, missing.map((c) => c.text), signal);
    missing.forEach((c, i) => c.embeddings.set(model, quantize(vectors[i] as number[])));
  }

  /** Problems indexed by runs that used no (or another) embedding model get embedded once, in memory. */
  async #embedMissing(mirror: Mirror, model: string, signal: AbortSignal | undefined): Promise<void> {
    const missing = mirror.index.missingEmbeddings(model);
    if (missing.length === 0) return;
    const vectors = await this.#embedder().embed(model, missing.map((p) => p.text), signal);
    missing.forEach((p, i) => mirror.index.setEmbedding(p.recordId, model, quantize(vectors[i] as number[])));
  }
}

/** Checks the candidates in order against the index and against each other. */
function decide(index: ScopeIndex, request: ScreenRequest): { verdicts: ScreenVerdict[]; fresh: IndexedProblem[] } {
  const batch = new ScopeIndex();
  const fresh: IndexedProblem[] = [];
  let slot = 0;
  const verdicts = request.candidates.map((raw): ScreenVerdict => {
    const recordId = request.slots[slot];
    if (recordId === undefined) return { status: 'surplus' };
    const candidate = withRecordId(raw, recordId);
    const verdict = index.check(candidate, request.settings);
    if (verdict.duplicate) return { status: 'duplicate', verdict };
    const inBatch = batch.check(candidate, request.settings);
    if (inBatch.duplicate) return { status: 'duplicate', verdict: inBatch };
    batch.add(candidate);
    if (!verdict.indexed) fresh.push(candidate);
    slot++;
    return { status: 'accepted', recordId };
  });
  return { verdicts, fresh };
}

function* chunks(problems: readonly IndexedProblem[]): Generator<IndexedProblem[]> {
  let current: IndexedProblem[] = [];
  let bytes = 0;
  for (const p of problems) {
    const size = p.text.length * 3 + 4_096;
    if (current.length > 0 && bytes + size > MAX_ENTRY_BYTES) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += size;
  }
  if (current.length > 0) yield current;
}
