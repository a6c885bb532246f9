import { BackendPool } from './backend-pool.js';
import { InferenceClient } from './inference-client.js';
import { RewardClient } from './reward-client.js';

export interface PoolSettings {
  readonly baseUrls: readonly string[];
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** Requests in flight per replica at most; the window starts here and adapts down and back. */
  readonly window: number;
  readonly minWindow: number;
  readonly probeIntervalMs: number;
  readonly onReplicaChange?: (event: { baseUrl: string; healthy: boolean; window: number }) => void;
  readonly onCall?: (event: { baseUrl: string; durationMs: number; outcome: 'ok' | 'error'; errorKind?: string }) => void;
}

/** A pool of OpenAI-compatible generation backends (vLLM replicas or simulators). */
export function createInferencePool(s: PoolSettings): BackendPool<InferenceClient> {
  return new BackendPool({
    baseUrls: s.baseUrls,
    createClient: (baseUrl) => new InferenceClient({ baseUrl, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
    window: { initial: s.window, min: Math.min(s.minWindow, s.window), max: s.window },
    probeIntervalMs: s.probeIntervalMs,
    ...(s.onReplicaChange ? { onReplicaChange: s.onReplicaChange } : {}),
    ...(s.onCall ? { onCall: s.onCall } : {}),
  });
}

/** A pool of reward servers exposing `/classify` at their root. */
export function createRewardPool(s: PoolSettings): BackendPool<RewardClient> {
  return new BackendPool({
    baseUrls: s.baseUrls,
    createClient: (baseUrl) => new RewardClient({ baseUrl, apiKey: s.apiKey, timeoutMs: s.timeoutMs }),
    window: { initial: s.window, min: Math.min(s.minWindow, s.window), max: s.window },
    probeIntervalMs: s.probeIntervalMs,
    rootOf: (baseUrl) => baseUrl.replace(/\/+$/, ''),
    ...(s.onReplicaChange ? { onReplicaChange: s.onReplicaChange } : {}),
    ...(s.onCall ? { onCall: s.onCall } : {}),
  });
}
