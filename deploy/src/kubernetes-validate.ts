import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { K8sObject } from './rendered-objects.js';
import { KUBERNETES_VALIDATE_BIN } from './repo-paths.js';

const execFileAsync = promisify(execFile);

export interface ValidationReport {
  readonly exitCode: number;
  /** `kind/name` per Kubernetes version that passed. */
  readonly passed: readonly string[];
  /** Objects of kinds without a built-in schema (custom resources). */
  readonly noSchema: readonly string[];
  readonly errors: readonly string[];
}

/**
 * kubernetes-validate --strict (unknown fields are errors) of every object against each
 * Kubernetes version's OpenAPI schema. Custom resources have no built-in schema: they are listed
 * in noSchema and validated against their CRDs elsewhere.
 */
export async function kubernetesValidate(objects: readonly K8sObject[], versions: readonly string[]): Promise<ValidationReport> {
  if (!existsSync(KUBERNETES_VALIDATE_BIN)) throw new Error(`kubernetes-validate is not installed at ${KUBERNETES_VALIDATE_BIN}: run bash scripts/setup.sh`);
  const dir = mkdtempSync(join(tmpdir(), 'kubernetes-validate-'));
  const file = join(dir, 'rendered.yaml');
  writeFileSync(file, objects.map((o) => stringify(o)).join('---\n'));
  const args = ['--strict', ...versions.flatMap((v) => ['-k', v]), file];
  let stdout: string;
  let exitCode = 0;
  try {
    ({ stdout } = await execFileAsync(KUBERNETES_VALIDATE_BIN, args, { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }));
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    if (typeof failed.code !== 'number') throw error;
    exitCode = failed.code;
    stdout = failed.stdout ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  return {
    exitCode,
    passed: lines.filter((l) => l.startsWith('INFO')).map((l) => l.replace(/^INFO .* passed for resource (\S+) against version (\S+)$/, '$1@$2')),
    noSchema: lines.filter((l) => l.startsWith('WARN') && l.includes("Couldn't find schema")).map((l) => l.replace(/^WARN \S+ /, '')),
    errors: lines.filter((l) => l.startsWith('ERROR') || l.startsWith('FATAL')),
  };
}
