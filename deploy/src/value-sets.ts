import { KEDA_API, POD_MONITOR_API, helmTemplate, type TemplateOptions } from './helm-cli.js';
import { parseRendered, type K8sObject } from './rendered-objects.js';

/** The value sets CI renders: the chart's defaults, one GPU per stage, a 70B model at TP 4. */
export const VALUE_SETS = {
  default: [],
  small: ['ci/small-values.yaml'],
  large: ['ci/large-values.yaml'],
} as const satisfies Record<string, readonly string[]>;
export type ValueSetName = keyof typeof VALUE_SETS;

/** Further documented value sets: the GPU-less demo and external backends. */
export const EXTRA_VALUE_SETS = {
  demo: ['ci/demo-values.yaml'],
  external: ['ci/external-values.yaml'],
} as const satisfies Record<string, readonly string[]>;

export const ALL_VALUE_SETS: Record<string, readonly string[]> = { ...VALUE_SETS, ...EXTRA_VALUE_SETS };

export const KUBERNETES_VERSIONS = ['1.30.0', '1.33.0'] as const;

/** A cluster with KEDA and the Prometheus operator installed. */
export const CLUSTER_APIS = [KEDA_API, POD_MONITOR_API];

/** Our images: every container from them must meet Pod Security "restricted". */
export const OUR_REPOSITORIES = ['magpie-reasoning', 'magpie-reward-server'];

export const GPU_PLACEMENT = {
  resourceName: 'nvidia.com/gpu',
  productLabel: 'nvidia.com/gpu.product',
  products: ['NVIDIA-A100-SXM4-80GB', 'NVIDIA-A100-80GB-PCIe', 'NVIDIA-A100-SXM4-40GB', 'NVIDIA-A100-PCIE-40GB'],
  taintKey: 'nvidia.com/gpu',
} as const;

/** Renders a value set as a cluster with KEDA and the Prometheus operator sees it. */
export async function renderSet(valuesFiles: readonly string[], options: Omit<TemplateOptions, 'valuesFiles'> = {}): Promise<K8sObject[]> {
  return parseRendered(await helmTemplate({ valuesFiles, apiVersions: CLUSTER_APIS, ...options }));
}
