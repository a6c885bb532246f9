import type { BackendEnv } from '@magpie/config';
import type { Stage } from '@magpie/contracts';
import { BackendPool } from './backend-pool.js';
import { BACKEND_PRIORITY, targetWaitingFor } from './backend-priority.js';
import { HeadlessServiceResolver } from './headless-service.js';
import { InferenceClient } from './inference-client.js';
import { RewardClient } from './reward-client.js';

export interface PoolSettings {
  readonly baseUrls: readonly string[];
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** Sequences in flight per replica at most; the window starts here and adapts down and back. */
  readonly window: number;
  readonly minWindow: number;
  /** The queue each replica's window aims at, in sequences (see QueueTargetWindow); default 1. */
  readonly targetWaiting?: number;
  /** vLLM request priority sent with every call; undefined for servers without priority scheduling. */
  readonly priority?: number;
  readonly probeIntervalMs: number;
  readonly onReplicaChange?: (event: { baseUrl: string; healthy: boolean; window: number }) => void;
  readonly onCall?: (event: { baseUrl: string; durationMs: number; outcome: 'ok' | 'error'; errorKind?: string }) => void;
  /** A Kubernetes headless service URL: its pods become the replicas, re-resolved every refreshMs. */
  readonly headless?: { readonly serviceUrl: string; readonly refreshMs: number; readonly maxReplicas: number; readonly onError: (err: unknown) => void };
}

/**
 * The replica URLs and discovery for a pool: the fixed list, or the pods behind a headless
 * service (resolved now; throws if the name does not resolve).
 */
async function replicasOf<T>(s: PoolSettings, pool: () => BackendPool<T> | undefined) {
  if (!s.headless) return { baseUrls: s.baseUrls, extra: {} };
  const resolver = new HeadlessServiceResolver({
    serviceUrl: s.headless.serviceUrl,
    refreshMs: s.headless.refreshMs,
    onChange: (urls) => pool()?.setBaseUrls(urls),
    onError: s.headless.onError,
  });
  const baseUrls = await resolver.resolve();
  return { baseUrls, extra: { discovery: resolver, maxReplicas: s.headless.maxReplicas } };
}

async function createPool<T>(s: PoolSettings, createClient: (baseUrl: string) => T, rootOf?: (baseUrl: string) => string): Promise<BackendPool<T>> {
  // Discovery needs the pool it updates, and the pool needs discovery's first answer.
  const ref: { pool?: BackendPool<T> } = {};
  const { baseUrls, extra } = await replicasOf(s, () => ref.pool);
  const pool = new BackendPool({
    ...extra,
    baseUrls,
    createClient,
    window: { initial: s.window, min: Math.min(s.minWindow, s.window), max: s.window, targetWaiting: s.targetWaiting ?? 1 },
    probeIntervalMs: s.probeIntervalMs,
    ...(rootOf ? { rootOf } : {}),
    ...(s.onReplicaChange ? { onReplicaChange: s.onReplicaChange } : {}),
    ...(s.onCall ? { onCall: s.onCall } : {}),
  });
  ref.pool = pool;
  return pool;
}

/** A pool of OpenAI-compatible generation backends (vLLM replicas or simulators). */
export function createInferencePool(s: PoolSettings): Promise<BackendPool<InferenceClient>> {
  return createPool(s, (baseUrl) => new InferenceClient({ baseUrl, apiKey: s.apiKey, timeoutMs: s.timeoutMs, ...(s.priority === undefined ? {} : { priority: s.priority }) }));
}

/** A pool of reward servers exposing `/classify` at their root. */
export function createRewardPool(s: PoolSettings): Promise<BackendPool<RewardClient>> {
  return createPool(
    s,
    (baseUrl) => new RewardClient({ baseUrl, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
    (baseUrl) => baseUrl.replace(/\/+$/, ''),
  );
}

/**
 * Pool settings for a stage from its environment: each replica's window keeps up to MAX_NUM_SEQS
 * sequences in flight, whatever the number of sequences each request carries, and aims at the
 * stage's queue target (downstream stages higher); with LLM_PRIORITY_SCHEDULING every call
 * carries the stage's priority.
 */
export function poolSettingsFromEnv(
  env: BackendEnv,
  stage: {
    readonly name: Stage;
    readonly baseUrls: readonly string[];
    readonly logger: { warn(obj: object, msg: string): void };
    readonly onCall?: PoolSettings['onCall'];
  },
): PoolSettings {
  return {
    baseUrls: stage.baseUrls,
    apiKey: env.LLM_API_KEY,
    timeoutMs: env.LLM_TIMEOUT_MS,
    window: env.MAX_NUM_SEQS,
    minWindow: env.INFLIGHT_WINDOW_MIN,
    targetWaiting: targetWaitingFor(stage.name, env.MAX_NUM_SEQS, env.TARGET_QUEUE_PERCENT),
    ...(env.LLM_PRIORITY_SCHEDULING ? { priority: BACKEND_PRIORITY[stage.name] } : {}),
    probeIntervalMs: env.PROBE_INTERVAL_MS,
    onReplicaChange: (event) => stage.logger.warn(event, 'backend replica changed'),
    ...(stage.onCall ? { onCall: stage.onCall } : {}),
    ...(env.BACKEND_HEADLESS_SERVICE
      ? {
          headless: {
            serviceUrl: env.BACKEND_HEADLESS_SERVICE,
            refreshMs: env.HEADLESS_REFRESH_MS,
            maxReplicas: env.HEADLESS_MAX_REPLICAS,
            onError: (err: unknown) => stage.logger.warn({ err }, 'headless service lookup failed'),
          },
        }
      : {}),
  };
}
