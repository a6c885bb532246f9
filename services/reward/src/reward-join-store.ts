import { KvBucket, TransientError, sleep, type JetStreamClient } from '@magpie/bus';
import { REWARD_JOINS_BUCKET, RewardJoin, rewardJoinKey, type JoinedSamples, type JoinedSolution } from '@magpie/contracts';

/** One half of a problem's join. */
export type JoinHalf = { readonly solution: JoinedSolution } | { readonly samples: JoinedSamples };

/** Compare-and-set attempts before a merge gives up (and the message is retried later). */
const MAX_ATTEMPTS = 12;

/**
 * The `reward-joins` KV bucket: for each problem slot, the halves of its evaluation that have
 * arrived (the solution's answer; the samples' scores and stream sequence). Every write is a
 * compare-and-set on the key's revision, so when the two halves arrive at once on two replicas
 * exactly one merge sees both — and a half already stored is never replaced, so the rewards
 * record is the same whichever side writes it.
 */
export class RewardJoinStore {
  readonly #kv: KvBucket;

  private constructor(kv: KvBucket) {
    this.#kv = kv;
  }

  /** Creates the bucket if needed (values expire after `ttlMs`, the records' retention) and binds to it. */
  static async open(js: JetStreamClient, ttlMs: number): Promise<RewardJoinStore> {
    return new RewardJoinStore(await KvBucket.open(js, REWARD_JOINS_BUCKET, { history: 1, ttlMs }));
  }

  /** The slot's entry, or undefined when neither half has arrived. */
  async get(runId: string, slot: number): Promise<RewardJoin | undefined> {
    const entry = await this.#kv.get(rewardJoinKey(runId, slot));
    return entry && RewardJoin.parse(entry.json());
  }

  /**
   * Adds `half` to the slot's entry unless that half is already there, and returns the entry as it
   * stands after the write. Throws TransientError when NATS keeps refusing the write.
   */
  async merge(runId: string, slot: number, half: JoinHalf): Promise<RewardJoin> {
    const key = rewardJoinKey(runId, slot);
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        const entry = await this.#kv.get(key);
        const current: RewardJoin = entry ? RewardJoin.parse(entry.json()) : { schemaVersion: 1, runId, slot, solution: null, samples: null };
        if (('solution' in half && current.solution) || ('samples' in half && current.samples)) return current;
        const merged = RewardJoin.parse({ ...current, ...half });
        if (entry) await this.#kv.update(key, JSON.stringify(merged), entry.revision);
        else await this.#kv.create(key, JSON.stringify(merged));
        return merged;
      } catch (err) {
        // Someone wrote the key in between (or NATS is briefly away): read it again.
        lastError = err;
        await sleep(Math.min(500, 10 * 2 ** attempt));
      }
    }
    throw new TransientError(`cannot update the reward join of ${key}`, { cause: lastError });
  }
}
