// Original file: proto/magpie/v1/magpie.proto

import type { PendingPodInput as _magpie_v1_PendingPodInput, PendingPod as _magpie_v1_PendingPod } from '../../magpie/v1/PendingPod.js';
import type { SidecarStatusInput as _magpie_v1_SidecarStatusInput, SidecarStatus as _magpie_v1_SidecarStatus } from '../../magpie/v1/SidecarStatus.js';
import type { ConsumerLagInput as _magpie_v1_ConsumerLagInput, ConsumerLag as _magpie_v1_ConsumerLag } from '../../magpie/v1/ConsumerLag.js';
import type { AutoscalingInput as _magpie_v1_AutoscalingInput, Autoscaling as _magpie_v1_Autoscaling } from '../../magpie/v1/Autoscaling.js';

/**
 * One Deployment of the platform and the pods behind it.
 */
export interface FleetComponentInput {
  /**
   * gateway, generator, solver, sampler or reward: the pods' app.kubernetes.io/component label.
   */
  'component'?: (string);
  /**
   * The Deployment's name.
   */
  'deployment'?: (string);
  /**
   * The stage's backend (magpie.dev/backend: vllm, reward-server, simulator, external); empty for the gateway.
   */
  'backend'?: (string);
  /**
   * The model the backend serves (magpie.dev/model); empty for the gateway.
   */
  'model'?: (string);
  /**
   * Replicas the Deployment asks for (spec.replicas, set by the chart or the autoscaler).
   */
  'desired_replicas'?: (number);
  /**
   * Pods whose containers all pass their readiness probes.
   */
  'ready_replicas'?: (number);
  /**
   * Pods ready for at least minReadySeconds.
   */
  'available_replicas'?: (number);
  /**
   * nvidia.com/gpu limits of one pod, over its containers and sidecars.
   */
  'gpus_per_pod'?: (number);
  /**
   * gpus_per_pod times desired_replicas: what the component asks the cluster for.
   */
  'gpus_requested'?: (number);
  /**
   * Pods that are not running and ready, each with why.
   */
  'pending_pods'?: (_magpie_v1_PendingPodInput)[];
  /**
   * Every sidecar (vLLM, the reward server, the simulator) of every pod.
   */
  'sidecars'?: (_magpie_v1_SidecarStatusInput)[];
  /**
   * The durable consumers the stage pulls from, with their backlog; empty for the gateway.
   */
  'consumers'?: (_magpie_v1_ConsumerLagInput)[];
  /**
   * The KEDA ScaledObject scaling this Deployment; unset when there is none.
   */
  'autoscaling'?: (_magpie_v1_AutoscalingInput | null);
}

/**
 * One Deployment of the platform and the pods behind it.
 */
export interface FleetComponent {
  /**
   * gateway, generator, solver, sampler or reward: the pods' app.kubernetes.io/component label.
   */
  'component': (string);
  /**
   * The Deployment's name.
   */
  'deployment': (string);
  /**
   * The stage's backend (magpie.dev/backend: vllm, reward-server, simulator, external); empty for the gateway.
   */
  'backend': (string);
  /**
   * The model the backend serves (magpie.dev/model); empty for the gateway.
   */
  'model': (string);
  /**
   * Replicas the Deployment asks for (spec.replicas, set by the chart or the autoscaler).
   */
  'desired_replicas': (number);
  /**
   * Pods whose containers all pass their readiness probes.
   */
  'ready_replicas': (number);
  /**
   * Pods ready for at least minReadySeconds.
   */
  'available_replicas': (number);
  /**
   * nvidia.com/gpu limits of one pod, over its containers and sidecars.
   */
  'gpus_per_pod': (number);
  /**
   * gpus_per_pod times desired_replicas: what the component asks the cluster for.
   */
  'gpus_requested': (number);
  /**
   * Pods that are not running and ready, each with why.
   */
  'pending_pods': (_magpie_v1_PendingPod)[];
  /**
   * Every sidecar (vLLM, the reward server, the simulator) of every pod.
   */
  'sidecars': (_magpie_v1_SidecarStatus)[];
  /**
   * The durable consumers the stage pulls from, with their backlog; empty for the gateway.
   */
  'consumers': (_magpie_v1_ConsumerLag)[];
  /**
   * The KEDA ScaledObject scaling this Deployment; unset when there is none.
   */
  'autoscaling': (_magpie_v1_Autoscaling | null);
}
