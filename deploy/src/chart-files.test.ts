import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_NATS_AUTH_FILE, NATS_CONFIG_FILE, authorizationBlock, expectedChartFiles, modelCacheGiB } from './chart-files.js';
import { KEDA_API, helmTemplate } from './helm-cli.js';
import { byKindAndName, parseRendered, type K8sObject, type PodSpec } from './rendered-objects.js';
import { REPO_ROOT } from './repo-paths.js';

// The chart's copies of configs/: one source, checked. Regenerate with
//   npm run generate-chart-files -w @magpie/deploy

const natsConf = readFileSync(NATS_CONFIG_FILE, 'utf8');

/** The permissions block of one user in configs/nats/nats-server.conf. */
function userBlock(user: string): string {
  const start = natsConf.indexOf(`user: ${user}\n`);
  const next = natsConf.indexOf('user: ', start + 1);
  return natsConf.slice(start, next === -1 ? undefined : next);
}

describe('files generated from configs/', () => {
  it.each([...expectedChartFiles()].map(([path, content]) => [relative(REPO_ROOT, path), path, content] as const))(
    '%s is up to date (else: npm run generate-chart-files -w @magpie/deploy)',
    (_name, path, content) => {
      expect(readFileSync(path, 'utf8')).toBe(content);
    },
  );

  it("copies configs/nats's authorization block byte for byte", () => {
    const copy = readFileSync(CHART_NATS_AUTH_FILE, 'utf8');
    expect(copy).toContain(authorizationBlock(natsConf));
    expect(natsConf).toContain(authorizationBlock(copy));
  });

  it('sizes the model cache from the checkpoint: bf16 on disk unless pre-quantized', () => {
    expect(modelCacheGiB({ paramsB: 70.6 })).toBe(160);
    expect(modelCacheGiB({ paramsB: 405.9, quantization: 'fp8' })).toBe(870);
    expect(modelCacheGiB({ paramsB: 671, quantization: 'modelopt_fp4' })).toBe(410);
  });
});

describe('authorizationBlock', () => {
  it('ends at the brace that closes the block, not at braces in strings or comments', () => {
    const conf = 'port: 4222\nauthorization {\n  # a } in a comment\n  users = [ { user: "a}b", password: $P } ] // }\n}\njetstream: enabled\n';
    expect(authorizationBlock(conf)).toBe('authorization {\n  # a } in a comment\n  users = [ { user: "a}b", password: $P } ] // }\n}');
  });

  it('refuses a config without the block, or with an unclosed one', () => {
    expect(() => authorizationBlock('port: 4222\n')).toThrow(/no top-level `authorization \{` block/);
    expect(() => authorizationBlock('authorization {\n users = [\n')).toThrow(/not closed/);
  });
});

describe('the chart against configs/nats', () => {
  it("scales each stage on exactly the durable consumers its NATS user may pull from", async () => {
    const objects = parseRendered(await helmTemplate({ apiVersions: [KEDA_API] }));
    for (const stage of ['generator', 'solver', 'sampler', 'reward']) {
      const triggers = (byKindAndName(objects, 'ScaledObject', `magpie-${stage}`).spec as { triggers: { type: string; metadata: Record<string, string> }[] }).triggers;
      const pulled = triggers.filter((t) => t.type === 'nats-jetstream').map((t) => `$JS.API.CONSUMER.MSG.NEXT.${t.metadata.stream}.${t.metadata.consumer}`);
      const granted = [...userBlock(stage).matchAll(/"(\$JS\.API\.CONSUMER\.MSG\.NEXT\.[A-Z_]+\.[a-z-]+)"/g)].map((m) => m[1]);
      expect(pulled.sort(), stage).toEqual(granted.sort());
    }
  });

  it("sets every password variable the users reference from the users' Secret, in the NATS server only", async () => {
    const objects = parseRendered(await helmTemplate());
    const variables = [...natsConf.matchAll(/password: \$([A-Z_]+)/g)].map((m) => m[1]);
    expect(variables).toEqual(['GATEWAY_NATS_PASS', 'GENERATOR_NATS_PASS', 'SOLVER_NATS_PASS', 'SAMPLER_NATS_PASS', 'REWARD_NATS_PASS', 'TAGGER_NATS_PASS', 'ADMIN_NATS_PASS']);
    const nats = (byKindAndName(objects, 'StatefulSet', 'magpie-nats').spec as { template: { spec: PodSpec } }).template.spec.containers.find((c) => c.name === 'nats');
    for (const variable of variables) {
      const user = variable?.replace(/_NATS_PASS$/, '').toLowerCase();
      expect(nats?.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef, variable).toEqual({ name: 'magpie-nats-users', key: user });
    }
    const secret = byKindAndName(objects, 'Secret', 'magpie-nats-users') as K8sObject & { data: Record<string, string> };
    expect(Object.keys(secret.data).sort()).toEqual(variables.map((v) => v?.replace(/_NATS_PASS$/, '').toLowerCase()).sort());
  });
});
