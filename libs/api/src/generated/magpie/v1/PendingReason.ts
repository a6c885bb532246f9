// Original file: proto/magpie/v1/magpie.proto

/**
 * Why a pod is not serving.
 */
export const PendingReason = {
  /**
   * Not set; never sent.
   */
  PENDING_REASON_UNSPECIFIED: 'PENDING_REASON_UNSPECIFIED',
  /**
   * No node can take the pod, e.g. Insufficient nvidia.com/gpu, node affinity or taints.
   */
  PENDING_REASON_UNSCHEDULABLE: 'PENDING_REASON_UNSCHEDULABLE',
  /**
   * A container image cannot be pulled (ErrImagePull, ImagePullBackOff, InvalidImageName).
   */
  PENDING_REASON_IMAGE_PULL: 'PENDING_REASON_IMAGE_PULL',
  /**
   * A container keeps exiting (CrashLoopBackOff).
   */
  PENDING_REASON_CRASH_LOOP: 'PENDING_REASON_CRASH_LOOP',
  /**
   * Scheduled and starting: containers being created, or not ready yet (vLLM loading its model).
   */
  PENDING_REASON_STARTING: 'PENDING_REASON_STARTING',
  /**
   * Anything else Kubernetes reports, e.g. CreateContainerConfigError for a missing Secret.
   */
  PENDING_REASON_OTHER: 'PENDING_REASON_OTHER',
} as const;

/**
 * Why a pod is not serving.
 */
export type PendingReasonInput =
  /**
   * Not set; never sent.
   */
  | 'PENDING_REASON_UNSPECIFIED'
  | 0
  /**
   * No node can take the pod, e.g. Insufficient nvidia.com/gpu, node affinity or taints.
   */
  | 'PENDING_REASON_UNSCHEDULABLE'
  | 1
  /**
   * A container image cannot be pulled (ErrImagePull, ImagePullBackOff, InvalidImageName).
   */
  | 'PENDING_REASON_IMAGE_PULL'
  | 2
  /**
   * A container keeps exiting (CrashLoopBackOff).
   */
  | 'PENDING_REASON_CRASH_LOOP'
  | 3
  /**
   * Scheduled and starting: containers being created, or not ready yet (vLLM loading its model).
   */
  | 'PENDING_REASON_STARTING'
  | 4
  /**
   * Anything else Kubernetes reports, e.g. CreateContainerConfigError for a missing Secret.
   */
  | 'PENDING_REASON_OTHER'
  | 5

/**
 * Why a pod is not serving.
 */
export type PendingReason = typeof PendingReason[keyof typeof PendingReason]
