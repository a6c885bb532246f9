import { isTerminal, runDomains, type RunState, type RunStatus } from '@magpie/contracts';
import { InvalidArgumentError } from './errors.js';

/** What ListRuns filters by; unset parts match every run. */
export interface RunFilter {
  readonly status?: RunStatus;
  readonly domain?: string;
  /** `key=value`, or `key` for any value. */
  readonly label?: string;
}

export interface RunPage {
  readonly runs: RunState[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/** Newest first; the run id breaks ties so the order is total and stable. */
const sortKey = (state: RunState): string => `${state.createdAt}|${state.runId}`;

/** Sort keys in descending order, with binary-search insertion and removal. */
class SortedKeys {
  readonly #keys: string[] = [];

  get size(): number {
    return this.#keys.length;
  }

  /** Index of the first key that sorts after `key` (smaller, as the order is descending). */
  #after(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#keys[mid] as string) > key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const at = this.#after(key);
    if (this.#keys[at] !== key) this.#keys.splice(at, 0, key);
  }

  delete(key: string): void {
    const at = this.#after(key);
    if (this.#keys[at] === key) this.#keys.splice(at, 1);
  }

  /** Keys strictly after `cursor` (or from the start), in order. */
  *from(cursor: string | undefined): Generator<string> {
    const start = cursor === undefined ? 0 : this.#after(cursor);
    for (let i = start; i < this.#keys.length; i++) {
      if (cursor !== undefined && this.#keys[i] === cursor) continue;
      yield this.#keys[i] as string;
    }
  }
}

interface PageToken {
  /** Sort key of the last run returned. */
  readonly k: string;
  /** The filter the page was listed with: a token is only valid with the same filter. */
  readonly f: string;
}

const filterKey = (filter: RunFilter): string => JSON.stringify([filter.status ?? '', filter.domain ?? '', filter.label ?? '']);

function decodeToken(token: string, filter: RunFilter): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (typeof parsed.k === 'string' && parsed.f === filterKey(filter)) return parsed.k;
  } catch {
    // Not one of ours: answered below.
  }
  throw new InvalidArgumentError('page_token', 'is not a next_page_token of this listing (the filters must stay the same)');
}

/**
 * The gateway's index of run documents, kept from the runs bucket's change feed (RunStore.follow):
 * lookups by id, and newest-first listings by status, domain or label that touch only the runs
 * they return, never every stored run. Keyset paging: a page token is the last sort key returned,
 * so a run created meanwhile never shifts a later page.
 */
export class RunIndex {
  readonly #states = new Map<string, RunState>();
  readonly #all = new SortedKeys();
  readonly #byKey = new Map<string, string>();
  /** Secondary indexes: `status:<s>`, `domain:<d>`, `label:<k>`, `label:<k>=<v>`. */
  readonly #postings = new Map<string, SortedKeys>();

  get size(): number {
    return this.#states.size;
  }

  get(runId: string): RunState | undefined {
    return this.#states.get(runId);
  }

  /** Runs per status, for metrics. */
  countByStatus(status: RunStatus): number {
    return this.#postings.get(`status:${status}`)?.size ?? 0;
  }

  /** Every run whose status is not terminal yet. */
  running(): RunState[] {
    return [...this.#states.values()].filter((state) => !isTerminal(state.status));
  }

  /** Adds or replaces a run; an older document (by updatedAt) never replaces a newer one. */
  put(state: RunState): void {
    const previous = this.#states.get(state.runId);
    if (previous && previous.updatedAt > state.updatedAt) return;
    if (previous) this.#unpost(previous);
    this.#states.set(state.runId, state);
    const key = sortKey(state);
    this.#byKey.set(key, state.runId);
    this.#all.add(key);
    for (const term of this.#terms(state)) {
      let keys = this.#postings.get(term);
      if (!keys) this.#postings.set(term, (keys = new SortedKeys()));
      keys.add(key);
    }
  }

  #unpost(state: RunState): void {
    const key = sortKey(state);
    for (const term of this.#terms(state)) this.#postings.get(term)?.delete(key);
  }

  #terms(state: RunState): string[] {
    const labels = Object.entries(state.labels ?? {}).flatMap(([k, v]) => [`label:${k}`, `label:${k}=${v}`]);
    return [`status:${state.status}`, ...runDomains(state.spec).map((d) => `domain:${d}`), ...labels];
  }

  /**
   * A page of runs matching `filter`, newest first. Walks the smallest posting list among the
   * filter's terms and checks the others per run. Throws InvalidArgumentError for a page token
   * that was not issued for this filter.
   */
  list(filter: RunFilter, pageSize: number, pageToken: string): RunPage {
    const after = pageToken ? decodeToken(pageToken, filter) : undefined;
    const terms = [
      ...(filter.status ? [`status:${filter.status}`] : []),
      ...(filter.domain ? [`domain:${filter.domain}`] : []),
      ...(filter.label ? [`label:${filter.label}`] : []),
    ];
    const lists = terms.map((t) => this.#postings.get(t) ?? new SortedKeys());
    const [driver = this.#all, ...others] = lists.sort((a, b) => a.size - b.size);
    const othersTerms = terms.filter((t) => this.#postings.get(t) !== driver);
    const runs: RunState[] = [];
    let lastKey: string | undefined;
    let more = false;
    for (const key of driver.from(after)) {
      const state = this.#states.get(this.#byKey.get(key) ?? '');
      if (!state || sortKey(state) !== key) continue;
      if (others.length > 0) {
        const own = new Set(this.#terms(state));
        if (!othersTerms.every((t) => own.has(t))) continue;
      }
      if (runs.length === pageSize) {
        more = true;
        break;
      }
      runs.push(state);
      lastKey = key;
    }
    const nextPageToken = more && lastKey ? Buffer.from(JSON.stringify({ k: lastKey, f: filterKey(filter) } satisfies PageToken)).toString('base64url') : '';
    return { runs, nextPageToken };
  }
}
