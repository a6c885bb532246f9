import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file so scripts and tests work from any directory. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHART_DIR = join(REPO_ROOT, 'deploy/helm/magpie');
export const README_FILE = join(REPO_ROOT, 'deploy/README.md');

/** Pinned tools installed by scripts/setup-deploy-tools.sh. */
export const HELM_BIN = join(REPO_ROOT, '.magpie/tools/helm/bin/helm');
export const KUBERNETES_VALIDATE_BIN = join(REPO_ROOT, '.magpie/tools/py/bin/kubernetes-validate');
export const KEDA_CRD_DIR = join(REPO_ROOT, '.magpie/tools/keda/crd');

export const NATS_CHART_ARCHIVE = 'nats-2.14.2.tgz';

/**
 * The official NATS chart archive for offline rendering: MAGPIE_CHARTS_DIR when set, else the first
 * `shared/charts/nats-2.14.2.tgz` found walking up from the repository (a worktree sits next to
 * `shared/`). Throws naming where it looked.
 */
export function findNatsChartArchive(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.MAGPIE_CHARTS_DIR;
  if (override !== undefined && override !== '') {
    const path = join(resolve(override), NATS_CHART_ARCHIVE);
    if (!existsSync(path)) throw new Error(`MAGPIE_CHARTS_DIR=${override} holds no ${NATS_CHART_ARCHIVE}`);
    return path;
  }
  const looked: string[] = [];
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    const path = join(dir, 'shared/charts', NATS_CHART_ARCHIVE);
    looked.push(path);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `the official NATS chart ${NATS_CHART_ARCHIVE} was not found (looked in ${looked.join(', ')}); ` +
      'set MAGPIE_CHARTS_DIR to the folder holding it, or fetch it with `helm dependency build deploy/helm/magpie`',
  );
}
