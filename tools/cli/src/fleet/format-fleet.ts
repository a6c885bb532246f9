import { consumerLag, type Fleet, type FleetComponentState, type FleetPendingPod, type PodPendingReason } from '@magpie/api';
import { formatTable } from '../text-table.js';

const REASON_LABELS: Readonly<Record<PodPendingReason, string>> = {
  unschedulable: 'no node can take it',
  image_pull: 'image cannot be pulled',
  crash_loop: 'keeps crashing',
  starting: 'starting',
  other: 'not running',
};

/** One pending pod in words: `image cannot be pulled (ImagePullBackOff, container vllm): Back-off pulling image "…"`. */
export function describePendingPod(pod: FleetPendingPod): string {
  const why = [pod.kubernetesReason, pod.container ? `container ${pod.container}` : ''].filter(Boolean).join(', ');
  return `${REASON_LABELS[pod.reason]} (${why})${pod.message ? `: ${pod.message}` : ''}`;
}

function lag(c: FleetComponentState): string {
  const existing = c.consumers.filter((k) => k.exists);
  return existing.length === 0 ? '-' : String(existing.reduce((sum, k) => sum + consumerLag(k), 0));
}

function autoscaling(c: FleetComponentState): string {
  const a = c.autoscaling;
  if (!a) return '-';
  return `${a.minReplicas}-${a.maxReplicas}, ${a.ready ? (a.active ? 'active' : 'idle') : 'not ready'}`;
}

function sidecars(c: FleetComponentState): string {
  const byName = new Map<string, { ready: number; total: number }>();
  for (const s of c.sidecars) {
    const n = byName.get(s.container) ?? { ready: 0, total: 0 };
    byName.set(s.container, { ready: n.ready + (s.ready ? 1 : 0), total: n.total + 1 });
  }
  return byName.size === 0 ? '-' : [...byName].map(([name, n]) => `${name} ${n.ready}/${n.total} ready`).join(', ');
}

const gpus = (c: FleetComponentState): string => (c.gpusPerPod === 0 ? '-' : `${c.gpusRequested} (${c.gpusPerPod}/pod)`);

/**
 * `magpie fleet` as text: a header line, one row per component (ready/desired replicas, GPUs
 * requested, consumer lag, autoscaling, sidecars), a total row, then every pending pod with its
 * reason in words and every ScaledObject KEDA cannot use.
 */
export function formatFleet(fleet: Fleet): string[] {
  const where = `${fleet.release ? `release ${fleet.release}` : 'every release'} in namespace ${fleet.namespace}`;
  const header = `${where}, read ${fleet.observedAt}; ${fleet.kedaInstalled ? 'KEDA installed' : 'no KEDA (stages scale with CPU HPAs, if at all)'}`;
  if (fleet.components.length === 0) return [header, '', 'no Deployments of the platform found (objects labelled app.kubernetes.io/part-of=magpie)'];
  const rows = fleet.components.map((c) => [
    c.component,
    c.backend ?? '-',
    c.model ?? '-',
    `${c.readyReplicas}/${c.desiredReplicas}`,
    String(c.availableReplicas),
    gpus(c),
    lag(c),
    autoscaling(c),
    sidecars(c),
  ]);
  const sum = (pick: (c: FleetComponentState) => number): number => fleet.components.reduce((n, c) => n + pick(c), 0);
  const lags = fleet.components.map(lag).filter((l) => l !== '-');
  const total = [
    'total',
    '',
    '',
    `${sum((c) => c.readyReplicas)}/${sum((c) => c.desiredReplicas)}`,
    String(sum((c) => c.availableReplicas)),
    `${sum((c) => c.gpusRequested)} GPUs`,
    lags.length === 0 ? '-' : String(lags.reduce((n, l) => n + Number(l), 0)),
    '',
    '',
  ];
  const lines = [header, '', ...formatTable([['COMPONENT', 'BACKEND', 'MODEL', 'READY', 'AVAILABLE', 'GPUS', 'LAG', 'AUTOSCALING', 'SIDECARS'], ...rows, total])];
  const pending = fleet.components.flatMap((c) => c.pendingPods.map((p) => [c.component, p.pod, p.phase, describePendingPod(p)]));
  if (pending.length > 0) lines.push('', `Pods not serving (${pending.length}):`, ...formatTable(pending).map((l) => `  ${l}`));
  const scaling = fleet.components.flatMap((c) => (c.autoscaling && !c.autoscaling.ready ? [[c.component, c.autoscaling.scaledObject, c.autoscaling.message ?? 'not ready']] : []));
  if (scaling.length > 0) lines.push('', 'Autoscaling not ready:', ...formatTable(scaling).map((l) => `  ${l}`));
  return lines;
}
