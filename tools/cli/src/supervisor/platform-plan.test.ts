import { describe, expect, it } from 'vitest';
import { planLocalPlatform } from './platform-plan.js';

const plan = planLocalPlatform({
  repoRoot: '/repo',
  stateDir: '/repo/.magpie',
  natsServerPath: '/bin/nats-server',
  nodePath: '/usr/bin/node',
  ports: {
    nats: 4222,
    sim: 8000,
    grpc: 50051,
    health: { generator: 9101, solver: 9102, sampler: 9103, reward: 9104, gateway: 9105 },
  },
  baseEnv: { PATH: '/usr/bin', NATS_URL: 'nats://elsewhere:1' },
});
const byName = new Map(plan.map((c) => [c.name, c]));

describe('planLocalPlatform', () => {
  it('starts nats, the simulator, the stage services, then the gateway', () => {
    expect(plan.map((c) => c.name)).toEqual(['nats', 'llm-sim', 'generator', 'solver', 'sampler', 'reward', 'gateway']);
  });

  it('runs nats-server with JetStream on loopback and its store in the state dir', () => {
    expect(byName.get('nats')).toMatchObject({
      command: '/bin/nats-server',
      args: ['-js', '-a', '127.0.0.1', '-p', '4222', '-sd', '/repo/.magpie/nats'],
      logPath: '/repo/.magpie/logs/nats.log',
      readiness: { kind: 'tcp', host: '127.0.0.1', port: 4222 },
    });
  });

  it('runs the simulator and the services with tsx from the repository root', () => {
    expect(byName.get('llm-sim')).toMatchObject({
      command: '/usr/bin/node',
      args: ['--import', 'tsx', '/repo/tools/llm-sim/src/main.ts'],
      cwd: '/repo',
      env: { SIM_PORT: '8000', PATH: '/usr/bin' },
      readiness: { kind: 'http', url: 'http://127.0.0.1:8000/health' },
    });
    for (const name of ['generator', 'solver', 'sampler', 'reward', 'gateway']) {
      expect(byName.get(name)).toMatchObject({
        command: '/usr/bin/node',
        args: ['--import', 'tsx', `/repo/services/${name}/src/main.ts`],
        cwd: '/repo',
        logPath: `/repo/.magpie/logs/${name}.log`,
      });
    }
  });

  it('gives every service NATS_URL, LOG_LEVEL, its own HEALTH_PORT and its backend', () => {
    const envOf = (name: string) => byName.get(name)?.env ?? {};
    const common = { NATS_URL: 'nats://127.0.0.1:4222', LOG_LEVEL: 'info', PATH: '/usr/bin' };
    expect(envOf('generator')).toMatchObject({ ...common, HEALTH_PORT: '9101', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('solver')).toMatchObject({ ...common, HEALTH_PORT: '9102', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('sampler')).toMatchObject({ ...common, HEALTH_PORT: '9103', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('reward')).toMatchObject({ ...common, HEALTH_PORT: '9104', REWARD_BASE_URL: 'http://127.0.0.1:8000' });
    expect(envOf('reward')).not.toHaveProperty('LLM_BASE_URL');
    expect(envOf('gateway')).toMatchObject({ ...common, HEALTH_PORT: '9105', GRPC_HOST: '127.0.0.1', GRPC_PORT: '50051' });
    expect(envOf('gateway')).not.toHaveProperty('LLM_BASE_URL');
  });

  it('checks services on /healthz and the gateway over gRPC too', () => {
    expect(byName.get('solver')?.readiness).toEqual({ kind: 'http', url: 'http://127.0.0.1:9102/healthz' });
    expect(byName.get('gateway')?.readiness).toEqual({
      kind: 'grpc',
      address: '127.0.0.1:50051',
      healthUrl: 'http://127.0.0.1:9105/healthz',
    });
  });
});
