import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podProblem, podSidecars } from './pod-problems.js';

const pod = (status: V1Pod['status'], extra: Partial<V1Pod> = {}): V1Pod => ({ metadata: { name: 'magpie-solver-1' }, spec: { containers: [{ name: 'solver' }] }, status, ...extra });

describe('why a pod is not serving', () => {
  it('names a missing Secret or ConfigMap (the container cannot be created)', () => {
    const problem = podProblem(
      pod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True' }],
        containerStatuses: [{ name: 'solver', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "hf-token" not found' } } }],
      }),
      [],
    );
    expect(problem).toMatchObject({ reason: 'other', kubernetesReason: 'CreateContainerConfigError', container: 'solver', message: 'secret "hf-token" not found' });
  });

  it('reports an evicted pod with the kubelet reason', () => {
    expect(podProblem(pod({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }), [])).toMatchObject({
      reason: 'other',
      kubernetesReason: 'Evicted',
      message: 'The node was low on resource: memory.',
    });
  });

  it('calls a running pod whose vLLM is still loading "starting", naming the container', () => {
    const problem = podProblem(
      pod({
        phase: 'Running',
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [vllm]' },
        ],
        initContainerStatuses: [{ name: 'vllm', image: 'vllm', imageID: '', ready: false, started: false, restartCount: 0, state: { running: {} } }],
        containerStatuses: [{ name: 'solver', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      }),
      [],
    );
    expect(problem).toMatchObject({ reason: 'starting', container: 'vllm', kubernetesReason: 'ContainersNotReady', message: 'containers with unready status: [vllm]' });
  });

  it('takes the latest FailedScheduling event when the condition has no message, and ignores ready and terminating pods', () => {
    const event = (message: string, lastTimestamp: Date) => ({ metadata: {}, involvedObject: { name: 'magpie-solver-1' }, reason: 'FailedScheduling', message, lastTimestamp });
    const unscheduled = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] });
    const events = [event('0/3 nodes are available: 3 Insufficient nvidia.com/gpu.', new Date('2026-01-01T10:00:00Z')), event('0/4 nodes are available: 1 node(s) had untolerated taint.', new Date('2026-01-01T11:00:00Z'))];
    expect(podProblem(unscheduled, events)?.message).toBe('0/4 nodes are available: 1 node(s) had untolerated taint.');
    expect(podProblem(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }), [])).toBeUndefined();
    expect(podProblem(pod({ phase: 'Pending' }, { metadata: { name: 'x', deletionTimestamp: new Date() } }), [])).toBeUndefined();
  });

  it('lists native sidecars and extra containers, not the stage container nor plain init containers', () => {
    const sidecars = podSidecars(
      pod(
        { phase: 'Running', initContainerStatuses: [{ name: 'vllm', image: 'vllm', imageID: '', ready: true, started: true, restartCount: 1, state: { running: {} } }] },
        { spec: { initContainers: [{ name: 'fix-permissions', image: 'busybox' }, { name: 'vllm', image: 'vllm', restartPolicy: 'Always' }], containers: [{ name: 'solver', image: 'x' }, { name: 'exporter', image: 'y' }] } },
      ),
      'solver',
    );
    expect(sidecars.map((s) => [s.container, s.ready, s.restarts])).toEqual([
      ['vllm', true, 1],
      ['exporter', false, 0],
    ]);
  });
});
