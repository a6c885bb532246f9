import { z } from 'zod';
import { LogLevel, envBool, envInt, envNumber } from './load-config.js';

/**
 * The one grace budget: what a service gets on SIGTERM to finish or release its in-flight work.
 * Whatever stops a service (Kubernetes, `magpie up`, the test platform) waits longer than this
 * before SIGKILL: see `stopGraceMsFor` in libs/launcher and the chart's shutdown.graceSeconds.
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;

/**
 * After the grace period a service still closes its health endpoint and drains NATS; it exits by
 * itself once this much longer has passed (libs/runtime). A supervisor's SIGKILL comes later still.
 */
export const SHUTDOWN_DRAIN_MS = 5_000;

/** Variables every service reads: NATS, logging, health port and stream limits. */
export const platformEnv = {
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** Per-service NATS credentials; see configs/nats/nats-server.conf for the permissions each user has. */
  NATS_USER: z.string().optional(),
  NATS_PASS: z.string().optional(),
  LOG_LEVEL: LogLevel,
  /** Port of the /healthz and /metrics endpoint; 0 picks a free one. */
  HEALTH_PORT: envInt(0, 0, 65_535),
  /** Nats-Msg-Id memory: a retried publish within this window is stored once. */
  DUPLICATE_WINDOW_MS: envInt(24 * 3_600_000, 1_000),
  /** How long records, run events and dead letters are kept. */
  RETENTION_MS: envInt(30 * 24 * 3_600_000, 60_000),
  /**
   * Time a service gets on SIGTERM to finish in-flight work; what cannot finish within it is
   * handed back at once (a short nak delay) for another replica.
   */
  SHUTDOWN_GRACE_MS: envInt(DEFAULT_SHUTDOWN_GRACE_MS, 0),
};
export const PlatformEnv = z.object(platformEnv);
/** The platform variables every service process reads, as parsed. */
export type PlatformEnv = z.infer<typeof PlatformEnv>;

/** Variables of a stage that pulls messages: its redelivery policy. */
export const workerEnv = {
  /**
   * Unacked time before redelivery. A handler in progress renews its lease every third of it
   * (working()), so calls of any length keep their message; a replica that dies loses its
   * messages to another within this time.
   */
  ACK_WAIT_MS: envInt(15_000, 1_000),
  /**
   * Handler failures (backend errors, timeouts, malformed answers) of one message before it is
   * dead-lettered. A redelivery after a crash, a kill or a shutdown is not a failure.
   */
  MAX_FAILURES: envInt(5, 1, 100),
  /**
   * Deliveries of any kind before a message is dead-lettered: only a safety bound for a message
   * that kills its process every time, far above what restarts and rolling deploys cause.
   */
  MAX_DELIVERIES: envInt(100, 1, 100_000),
  RETRY_BASE_MS: envInt(1_000, 1),
  RETRY_MAX_MS: envInt(60_000, 1),
};
export const WorkerEnv = z.object(workerEnv);
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** Variables of a stage's backend pool: credentials, timeouts, replicas, in-flight windows and probing. */
export const backendEnv = {
  LLM_API_KEY: z.string().default('EMPTY'),
  /** Per backend call; long enough for a 16K-token reasoning trace. */
  LLM_TIMEOUT_MS: envInt(600_000, 1_000),
  /**
   * The backend's --max-num-seqs per replica (vLLM on an A100: 256): the most sequences kept in
   * flight on one replica, where a request with `n` choices counts `n`.
   */
  MAX_NUM_SEQS: envInt(256, 1, 65_536),
  /** The adaptive window (in sequences) never drops below this. */
  INFLIGHT_WINDOW_MIN: envInt(1, 1, 65_536),
  /**
   * Each replica's queue the windows aim at, in percent of MAX_NUM_SEQS for the most upstream stage
   * (generator), one more step per stage downstream (reward: four): a few waiting sequences keep
   * the batch full, and a full replica makes upstream stages yield first.
   */
  TARGET_QUEUE_PERCENT: envNumber(2, 0, 100),
  /**
   * Send each stage's request priority (reward first, generator last): only for backends started
   * with vLLM's `--scheduling-policy priority` (the chart's vLLM sidecars and `magpie up`'s
   * simulator are); vLLM's default policy refuses non-zero priorities.
   */
  LLM_PRIORITY_SCHEDULING: envBool(false),
  /** How often each replica's /health and /metrics are read (the windows' control loop); 0 turns probing off. */
  PROBE_INTERVAL_MS: envInt(500, 0),
  /** A Kubernetes headless service URL (e.g. http://vllm-solver-headless:8000/v1); its pods become the replicas, replacing the base URL list. */
  BACKEND_HEADLESS_SERVICE: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the headless service is re-resolved, so pods that come and go join and leave. */
  HEADLESS_REFRESH_MS: envInt(10_000, 1_000),
  /** Pods the headless service may grow to; sizes how much work the stage takes on. */
  HEADLESS_MAX_REPLICAS: envInt(8, 1, 1_024),
};
export const BackendEnv = z.object(backendEnv);
export type BackendEnv = z.infer<typeof BackendEnv>;
