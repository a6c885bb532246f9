// Original file: proto/magpie/v1/magpie.proto

import type { PendingReasonInput as _magpie_v1_PendingReasonInput, PendingReason as _magpie_v1_PendingReason } from '../../magpie/v1/PendingReason.js';
import type { TimestampInput as _google_protobuf_TimestampInput, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp.js';

/**
 * A pod that is not running and ready.
 */
export interface PendingPodInput {
  /**
   * The pod's name.
   */
  'pod'?: (string);
  /**
   * The pod's phase: Pending, Running, Failed, Unknown.
   */
  'phase'?: (string);
  /**
   * The kind of problem.
   */
  'reason'?: (_magpie_v1_PendingReasonInput);
  /**
   * Kubernetes' own reason, e.g. Unschedulable, ImagePullBackOff, CrashLoopBackOff, ContainersNotReady.
   */
  'kubernetes_reason'?: (string);
  /**
   * Kubernetes' message, e.g. "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.".
   */
  'message'?: (string);
  /**
   * The container the reason concerns; empty for scheduling.
   */
  'container'?: (string);
  /**
   * When the pod was created.
   */
  'created_at'?: (_google_protobuf_TimestampInput | null);
}

/**
 * A pod that is not running and ready.
 */
export interface PendingPod {
  /**
   * The pod's name.
   */
  'pod': (string);
  /**
   * The pod's phase: Pending, Running, Failed, Unknown.
   */
  'phase': (string);
  /**
   * The kind of problem.
   */
  'reason': (_magpie_v1_PendingReason);
  /**
   * Kubernetes' own reason, e.g. Unschedulable, ImagePullBackOff, CrashLoopBackOff, ContainersNotReady.
   */
  'kubernetes_reason': (string);
  /**
   * Kubernetes' message, e.g. "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.".
   */
  'message': (string);
  /**
   * The container the reason concerns; empty for scheduling.
   */
  'container': (string);
  /**
   * When the pod was created.
   */
  'created_at': (_google_protobuf_Timestamp | null);
}
