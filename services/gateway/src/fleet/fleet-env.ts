import { envInt } from '@magpie/config';
import { z } from 'zod';

/** The gateway's variables for the fleet view (GetFleet); all optional: without a cluster GetFleet says what to set. */
export const fleetEnv = {
  /** A kubeconfig file (or several, `:`-separated) for a gateway outside the cluster. */
  KUBECONFIG: z.string().optional(),
  /** Set by Kubernetes in every pod: the gateway runs in-cluster and reads with its service account. */
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  /** The namespace to read; wins over POD_NAMESPACE, the service account's and the kubeconfig context's. */
  KUBE_NAMESPACE: z.string().optional(),
  /** The pod's own namespace, from the downward API (the Helm chart sets it). */
  POD_NAMESPACE: z.string().optional(),
  /** The Helm release whose components are reported (the chart sets it); every release in the namespace when unset. */
  MAGPIE_RELEASE: z.string().optional(),
  /** How long GetFleet waits for the Kubernetes API server. */
  FLEET_TIMEOUT_MS: envInt(5_000, 100, 120_000),
};
export type FleetEnv = z.infer<z.ZodObject<typeof fleetEnv>>;
