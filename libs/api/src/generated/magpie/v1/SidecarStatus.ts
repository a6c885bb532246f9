// Original file: proto/magpie/v1/magpie.proto


/**
 * One sidecar container of one pod.
 */
export interface SidecarStatusInput {
  /**
   * The pod the sidecar runs in.
   */
  'pod'?: (string);
  /**
   * The container's name, e.g. vllm, reward-server, llm-sim.
   */
  'container'?: (string);
  /**
   * The container's image.
   */
  'image'?: (string);
  /**
   * Whether it passes its readiness probe.
   */
  'ready'?: (boolean);
  /**
   * Whether its startup probe has passed (false while vLLM loads the model).
   */
  'started'?: (boolean);
  /**
   * Restarts so far.
   */
  'restarts'?: (number);
  /**
   * Why it is waiting (ContainerCreating, CrashLoopBackOff, ...); empty while it runs.
   */
  'waiting_reason'?: (string);
}

/**
 * One sidecar container of one pod.
 */
export interface SidecarStatus {
  /**
   * The pod the sidecar runs in.
   */
  'pod': (string);
  /**
   * The container's name, e.g. vllm, reward-server, llm-sim.
   */
  'container': (string);
  /**
   * The container's image.
   */
  'image': (string);
  /**
   * Whether it passes its readiness probe.
   */
  'ready': (boolean);
  /**
   * Whether its startup probe has passed (false while vLLM loads the model).
   */
  'started': (boolean);
  /**
   * Restarts so far.
   */
  'restarts': (number);
  /**
   * Why it is waiting (ContainerCreating, CrashLoopBackOff, ...); empty while it runs.
   */
  'waiting_reason': (string);
}
