import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crdValidator, type CrdValidator } from './crd-schema.js';
import { helm, prepareChartDependencies } from './helm-cli.js';
import { kubernetesValidate } from './kubernetes-validate.js';
import { byKindAndName, countsByKind, type K8sObject } from './rendered-objects.js';
import { CHART_DIR, KEDA_CRD_DIR, REPO_ROOT } from './repo-paths.js';
import { ALL_VALUE_SETS, KUBERNETES_VERSIONS, VALUE_SETS, renderSet } from './value-sets.js';

// No cluster here: the chart is checked by helm itself, by Kubernetes' published OpenAPI schemas
// (kubernetes-validate) and by KEDA's and the Prometheus operator's own CRD schemas.

const CUSTOM_KINDS = ['ScaledObject', 'PodMonitor'];
const PODMONITOR_CRD = join(REPO_ROOT, '.magpie/tools/prometheus-operator/crd/monitoring.coreos.com_podmonitors.yaml');

const rendered = new Map<string, K8sObject[]>();
let scaledObjects: CrdValidator;
let podMonitors: CrdValidator;

beforeAll(async () => {
  prepareChartDependencies();
  for (const [name, files] of Object.entries(ALL_VALUE_SETS)) {
    for (const version of KUBERNETES_VERSIONS) rendered.set(`${name}@${version}`, await renderSet(files, { kubeVersion: version }));
  }
  scaledObjects = crdValidator(join(KEDA_CRD_DIR, 'keda.sh_scaledobjects.yaml'), 'v1alpha1');
  podMonitors = crdValidator(PODMONITOR_CRD, 'v1');
});

describe('helm lint --strict', () => {
  it.each(Object.entries(ALL_VALUE_SETS))('passes with the %s values', async (_name, files) => {
    const result = await helm(['lint', '--strict', CHART_DIR, ...files.flatMap((f) => ['--values', join(CHART_DIR, f)])]);
    console.log(`helm lint --strict ${files.join(' ') || '(defaults)'}:\n${result.stdout.trim()}`);
    expect(result.stderr).not.toMatch(/\[(ERROR|WARNING)\]/);
    expect(result.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(result.code).toBe(0);
  });
});

describe('helm template', () => {
  it.each(Object.keys(VALUE_SETS))('renders the %s value set: objects per kind', (name) => {
    const objects = rendered.get(`${name}@1.30.0`) ?? [];
    const counts = countsByKind(objects);
    console.log(`${name}: ${objects.length} objects: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // The large set also runs the tags stage: one more of each per-stage object.
    const tagger = name === 'large' ? 1 : 0;
    expect(counts).toMatchObject({
      Deployment: 5 + tagger,
      StatefulSet: 1,
      ScaledObject: 4 + tagger,
      NetworkPolicy: 6 + tagger,
      PodDisruptionBudget: 6 + tagger,
      ServiceAccount: 5 + tagger,
      Role: 1,
      RoleBinding: 1,
      PodMonitor: 1,
    });
  });

  it('renders the same objects for Kubernetes 1.30 and 1.33 (but for fresh random passwords)', () => {
    const withoutPasswords = (objects: K8sObject[] | undefined) => (objects ?? []).map((o) => (o.kind === 'Secret' ? { ...o, data: Object.keys(o.data as object) } : o));
    for (const name of Object.keys(ALL_VALUE_SETS)) {
      expect(withoutPasswords(rendered.get(`${name}@1.33.0`)), name).toEqual(withoutPasswords(rendered.get(`${name}@1.30.0`)));
    }
  });
});

describe('kubernetes-validate --strict', () => {
  it.each(KUBERNETES_VERSIONS.flatMap((v) => Object.keys(ALL_VALUE_SETS).map((name) => [name, v] as const)))(
    'accepts every built-in object of the %s value set for Kubernetes %s',
    async (name, version) => {
      const objects = rendered.get(`${name}@${version}`) ?? [];
      const report = await kubernetesValidate(objects, [version]);
      const builtIn = objects.filter((o) => !CUSTOM_KINDS.includes(o.kind));
      console.log(`kubernetes-validate --strict -k ${version} (${name}): ${report.passed.length} passed, ${report.errors.length} errors, ${report.noSchema.length} custom resources (checked against their CRDs)`);
      expect(report.errors).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(report.passed).toHaveLength(builtIn.length);
      expect(report.noSchema.every((line) => CUSTOM_KINDS.some((kind) => line.includes(`kind ${kind} `)))).toBe(true);
    },
  );

  it('rejects an unknown field, so a pass means something', async () => {
    const objects = rendered.get('default@1.30.0') ?? [];
    const deployment = structuredClone(byKindAndName(objects, 'Deployment', 'magpie-solver')) as K8sObject & { spec: { replicass?: number } };
    deployment.spec.replicass = 2;
    const report = await kubernetesValidate([deployment], ['1.30.0']);
    expect(report.exitCode).not.toBe(0);
    expect(report.errors.join('\n')).toMatch(/replicass/);
  });
});

describe("KEDA's ScaledObject CRD schema (github.com/kedacore/keda/v2 config/crd/bases)", () => {
  it.each(Object.keys(ALL_VALUE_SETS))('accepts every ScaledObject of the %s value set', (name) => {
    const objects = (rendered.get(`${name}@1.30.0`) ?? []).filter((o) => o.kind === 'ScaledObject');
    const errors = objects.flatMap((o) => scaledObjects.validate(o));
    console.log(`KEDA schema (${name}): ${objects.length} ScaledObjects, ${errors.length} errors`);
    // One per stage; the large and demo sets run the tagger too.
    expect(objects).toHaveLength(name === 'large' || name === 'demo' ? 5 : 4);
    expect(errors).toEqual([]);
  });

  it('rejects a misspelt field and a wrongly typed one', () => {
    const object = structuredClone((rendered.get('default@1.30.0') ?? []).find((o) => o.kind === 'ScaledObject')) as K8sObject & { spec: Record<string, unknown> };
    object.spec.cooldownPeriods = 10;
    object.spec.minReplicaCount = 'one';
    const errors = scaledObjects.validate(object);
    expect(errors.join('\n')).toMatch(/cooldownPeriods/);
    expect(errors.join('\n')).toMatch(/minReplicaCount: must be integer/);
  });
});

describe("the Prometheus operator's PodMonitor CRD schema", () => {
  it.each(Object.keys(ALL_VALUE_SETS))('accepts the PodMonitor of the %s value set', (name) => {
    const monitor = (rendered.get(`${name}@1.30.0`) ?? []).filter((o) => o.kind === 'PodMonitor');
    expect(monitor).toHaveLength(1);
    expect(monitor.flatMap((o) => podMonitors.validate(o))).toEqual([]);
  });
});
