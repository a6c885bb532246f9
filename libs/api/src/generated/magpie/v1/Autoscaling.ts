// Original file: proto/magpie/v1/magpie.proto


/**
 * A KEDA ScaledObject and its state.
 */
export interface AutoscalingInput {
  /**
   * The ScaledObject's name.
   */
  'scaled_object'?: (string);
  /**
   * spec.minReplicaCount (KEDA's default 0).
   */
  'min_replicas'?: (number);
  /**
   * spec.maxReplicaCount (KEDA's default 100).
   */
  'max_replicas'?: (number);
  /**
   * KEDA's Active condition: a trigger is above its activation threshold.
   */
  'active'?: (boolean);
  /**
   * KEDA's Ready condition: the ScaledObject is valid and its triggers can be read.
   */
  'ready'?: (boolean);
  /**
   * KEDA's message when it is not ready, e.g. why it cannot read a trigger.
   */
  'message'?: (string);
}

/**
 * A KEDA ScaledObject and its state.
 */
export interface Autoscaling {
  /**
   * The ScaledObject's name.
   */
  'scaled_object': (string);
  /**
   * spec.minReplicaCount (KEDA's default 0).
   */
  'min_replicas': (number);
  /**
   * spec.maxReplicaCount (KEDA's default 100).
   */
  'max_replicas': (number);
  /**
   * KEDA's Active condition: a trigger is above its activation threshold.
   */
  'active': (boolean);
  /**
   * KEDA's Ready condition: the ScaledObject is valid and its triggers can be read.
   */
  'ready': (boolean);
  /**
   * KEDA's message when it is not ready, e.g. why it cannot read a trigger.
   */
  'message': (string);
}
