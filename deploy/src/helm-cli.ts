import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHART_DIR, HELM_BIN, NATS_CHART_ARCHIVE, findNatsChartArchive } from './repo-paths.js';

const execFileAsync = promisify(execFile);

/** API groups a cluster with KEDA and the Prometheus operator reports (what `helm install` sees there). */
export const KEDA_API = 'keda.sh/v1alpha1/ScaledObject';
export const POD_MONITOR_API = 'monitoring.coreos.com/v1/PodMonitor';

export interface HelmResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function requireHelm(): string {
  if (!existsSync(HELM_BIN)) throw new Error(`helm is not installed at ${HELM_BIN}: run bash scripts/setup.sh`);
  return HELM_BIN;
}

/** Runs the pinned helm; never throws on a non-zero exit. */
export async function helm(args: readonly string[]): Promise<HelmResult> {
  try {
    const { stdout, stderr } = await execFileAsync(requireHelm(), [...args], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * Puts the official NATS chart where `helm dependency build` would (charts/, gitignored): CI has
 * no network, so the archive comes from shared/charts (see findNatsChartArchive).
 */
export function prepareChartDependencies(): void {
  const target = join(CHART_DIR, 'charts', NATS_CHART_ARCHIVE);
  if (existsSync(target)) return;
  mkdirSync(join(CHART_DIR, 'charts'), { recursive: true });
  copyFileSync(findNatsChartArchive(), target);
}

export interface TemplateOptions {
  /** Values files relative to the chart, e.g. `ci/small-values.yaml`. */
  readonly valuesFiles?: readonly string[];
  readonly set?: Readonly<Record<string, string>>;
  readonly apiVersions?: readonly string[];
  readonly kubeVersion?: string;
  readonly releaseName?: string;
  readonly namespace?: string;
}

/** `helm template` of the chart; resolves with stdout, or rejects with helm's error. */
export async function helmTemplate(options: TemplateOptions = {}): Promise<string> {
  const result = await helm(templateArgs(options));
  if (result.code !== 0) throw new Error(`helm template failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The error text of a `helm template` expected to fail (throws if it succeeds). */
export async function helmTemplateError(options: TemplateOptions): Promise<string> {
  const result = await helm(templateArgs(options));
  if (result.code === 0) throw new Error('helm template succeeded but was expected to fail');
  return result.stderr;
}

function templateArgs(o: TemplateOptions): string[] {
  prepareChartDependencies();
  const args = ['template', o.releaseName ?? 'magpie', CHART_DIR, '--namespace', o.namespace ?? 'magpie'];
  for (const file of o.valuesFiles ?? []) args.push('--values', join(CHART_DIR, file));
  for (const [key, value] of Object.entries(o.set ?? {})) args.push('--set', `${key}=${value}`);
  for (const api of o.apiVersions ?? []) args.push('--api-versions', api);
  if (o.kubeVersion !== undefined) args.push('--kube-version', o.kubeVersion);
  return args;
}
