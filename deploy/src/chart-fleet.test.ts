import { PIPELINE_STAGES, STAGE_CONSUMERS } from '@magpie/contracts';
import { describe, expect, it } from 'vitest';
import { KEDA_API, helmTemplate } from './helm-cli.js';
import { byKindAndName, envValue, parseRendered, type Container, type PodSpec } from './rendered-objects.js';

// What the gateway's fleet view (GetFleet) relies on in the chart.

describe('the fleet view in the chart', () => {
  it("gives the gateway its namespace from the downward API and its release's name", async () => {
    const objects = parseRendered(await helmTemplate());
    const pod = (byKindAndName(objects, 'Deployment', 'magpie-gateway').spec as { template: { spec: PodSpec } }).template.spec;
    const gateway = pod.containers.find((c) => c.name === 'gateway') as Container & { env: { name: string; valueFrom?: unknown }[] };
    expect(gateway.env.find((e) => e.name === 'POD_NAMESPACE')?.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.namespace' } });
    expect(envValue(gateway, 'MAGPIE_RELEASE')).toBe('magpie');
  });

  it('scales each stage on exactly the durable consumers GetFleet reports (libs/contracts STAGE_CONSUMERS)', async () => {
    // The tagger is optional (off by default): the large value set runs it.
    const objects = parseRendered(await helmTemplate({ apiVersions: [KEDA_API], valuesFiles: ['ci/large-values.yaml'] }));
    for (const stage of PIPELINE_STAGES) {
      const triggers = (byKindAndName(objects, 'ScaledObject', `magpie-${stage}`).spec as { triggers: { type: string; metadata: Record<string, string> }[] }).triggers;
      const scaledOn = triggers.filter((t) => t.type === 'nats-jetstream').map((t) => `${t.metadata.stream ?? ''}/${t.metadata.consumer ?? ''}`);
      expect(scaledOn, stage).toEqual(STAGE_CONSUMERS[stage].map((c) => `${c.stream}/${c.durable}`));
    }
  });
});
