// Original file: proto/magpie/v1/magpie.proto

import type { TimestampInput as _google_protobuf_TimestampInput, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp.js';
import type { FleetComponentInput as _magpie_v1_FleetComponentInput, FleetComponent as _magpie_v1_FleetComponent } from '../../magpie/v1/FleetComponent.js';

/**
 * The platform's components as the gateway's service account sees them.
 */
export interface GetFleetResponseInput {
  /**
   * The Kubernetes namespace the gateway read.
   */
  'namespace'?: (string);
  /**
   * The Helm release (app.kubernetes.io/instance) read; empty when every release in the namespace was.
   */
  'release'?: (string);
  /**
   * When the cluster was read.
   */
  'observed_at'?: (_google_protobuf_TimestampInput | null);
  /**
   * The gateway, then the stages in pipeline order; only components with a Deployment.
   */
  'components'?: (_magpie_v1_FleetComponentInput)[];
  /**
   * Whether the cluster serves KEDA's ScaledObject resource.
   */
  'keda_installed'?: (boolean);
}

/**
 * The platform's components as the gateway's service account sees them.
 */
export interface GetFleetResponse {
  /**
   * The Kubernetes namespace the gateway read.
   */
  'namespace': (string);
  /**
   * The Helm release (app.kubernetes.io/instance) read; empty when every release in the namespace was.
   */
  'release': (string);
  /**
   * When the cluster was read.
   */
  'observed_at': (_google_protobuf_Timestamp | null);
  /**
   * The gateway, then the stages in pipeline order; only components with a Deployment.
   */
  'components': (_magpie_v1_FleetComponent)[];
  /**
   * Whether the cluster serves KEDA's ScaledObject resource.
   */
  'keda_installed': (boolean);
}
