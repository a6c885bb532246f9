import { describe, expect, it } from 'vitest';
import type { Fleet } from './fleet.js';
import { fleetFromProto, fleetToProto } from './fleet-mappers.js';
import { isoFromTimestamp, timestampFromIso } from './timestamp.js';
import { loadMagpieProto } from './load-magpie-proto.js';

const FLEET: Fleet = {
  namespace: 'ml-data',
  observedAt: '2026-12-01T09:30:00.250Z',
  kedaInstalled: false,
  components: [
    {
      component: 'sampler',
      deployment: 'magpie-sampler',
      backend: 'vllm',
      model: 'Qwen/Qwen2.5-Math-7B-Instruct',
      desiredReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      gpusPerPod: 1,
      gpusRequested: 3,
      pendingPods: [
        { pod: 'magpie-sampler-1', phase: 'Running', reason: 'crash_loop', kubernetesReason: 'CrashLoopBackOff', message: 'last exit: OOMKilled (exit code 137)', container: 'sampler', createdAt: '2026-12-01T09:00:00.000Z' },
        { pod: 'magpie-sampler-2', phase: 'Pending', reason: 'unschedulable', kubernetesReason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.' },
      ],
      sidecars: [{ pod: 'magpie-sampler-1', container: 'vllm', image: 'vllm/vllm-openai:v0.32.0', ready: true, started: true, restarts: 2, waitingReason: 'ContainerCreating' }],
      consumers: [{ stream: 'RECORDS', durable: 'sampler', pending: 5_000_000_000, ackPending: 12, exists: true }],
    },
  ],
};

describe('fleet mappers', () => {
  it('survive the wire: GetFleetResponse encoded and decoded by the real proto gives the same fleet', () => {
    const method = loadMagpieProto().service.GetFleet;
    if (!method) throw new Error('MagpieService lacks GetFleet');
    const bytes = method.responseSerialize(fleetToProto(FLEET));
    expect(fleetFromProto(method.responseDeserialize(bytes))).toEqual(FLEET);
  });

  it('write times as google.protobuf.Timestamp', () => {
    expect(timestampFromIso('2026-12-01T09:30:00.250Z')).toEqual({ seconds: '1796117400', nanos: 250_000_000 });
    expect(isoFromTimestamp({ seconds: '1796117400', nanos: 250_000_000 })).toBe('2026-12-01T09:30:00.250Z');
    expect(() => timestampFromIso('yesterday')).toThrow(/invalid time/);
  });
});
