import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import type { K8sObject } from './rendered-objects.js';

type Schema = Record<string, unknown>;

/**
 * The API server's view of a custom resource: its CRD's openAPIV3Schema as JSON Schema, with
 * unknown fields refused wherever the CRD does not preserve them (what `kubectl apply
 * --validate=strict` reports instead of silently pruning), `nullable` honoured and int-or-string
 * fields accepting both.
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const s: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    s[key] = key === 'properties' || key === 'patternProperties' ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strictSchema(v)])) : strictSchema(value);
  }
  if (s.type === 'object' && s.properties !== undefined && s.additionalProperties === undefined && s['x-kubernetes-preserve-unknown-fields'] !== true) {
    s.additionalProperties = false;
  }
  if (s.nullable === true && typeof s.type === 'string') s.type = [s.type, 'null'];
  if (s['x-kubernetes-int-or-string'] === true && s.type === undefined) s.anyOf = [{ type: 'integer' }, { type: 'string' }];
  return s;
}

export interface CrdValidator {
  readonly apiVersion: string;
  readonly kind: string;
  /** One line per schema error (path and message); empty when the object is valid. */
  readonly validate: (object: K8sObject) => string[];
}

/** A validator for the CRD's served version `version` (e.g. v1alpha1). */
export function crdValidator(crdFile: string, version: string): CrdValidator {
  const crd = parse(readFileSync(crdFile, 'utf8')) as {
    spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: Schema } }[] };
  };
  const served = crd.spec.versions.find((v) => v.name === version);
  if (!served) throw new Error(`${crdFile} has no version ${version}`);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const check = ajv.compile(strictSchema(served.schema.openAPIV3Schema) as Schema);
  const apiVersion = `${crd.spec.group}/${version}`;
  return {
    apiVersion,
    kind: crd.spec.names.kind,
    validate: (object) => {
      const label = `${object.kind}/${object.metadata.name}`;
      if (object.apiVersion !== apiVersion || object.kind !== crd.spec.names.kind) return [`${label}: not a ${apiVersion} ${crd.spec.names.kind}`];
      if (check(object)) return [];
      return (check.errors ?? []).map((e: ErrorObject) => {
        const extra = 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
        return `${label}${e.instancePath || '/'}: ${e.message ?? 'invalid'}${extra}`;
      });
    },
  };
}
