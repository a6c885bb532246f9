import { describe, expect, it } from 'vitest';
import { fromSources, planLocalPlatform, simulatorUrls, type PlatformPlanOptions } from './platform-plan.js';

const HEALTH = { generator: 9101, solver: 9102, sampler: 9103, reward: 9104, tagger: 9106, gateway: 9105 };
const BASE: PlatformPlanOptions = {
  repoRoot: '/repo',
  stateDir: '/repo/.magpie',
  natsServerPath: '/bin/nats-server',
  entry: fromSources('/usr/bin/node', '/repo'),
  ports: { nats: 4222, sim: 8000, grpc: 50051, health: HEALTH },
  baseEnv: { PATH: '/usr/bin', NATS_URL: 'nats://elsewhere:1' },
};

function byName(options: PlatformPlanOptions = BASE) {
  return new Map(planLocalPlatform(options).map((c) => [c.name, c]));
}

describe('planLocalPlatform', () => {
  it('starts nats, the simulator, the stage services, then the gateway', () => {
    expect(planLocalPlatform(BASE).map((c) => c.name)).toEqual(['nats', 'llm-sim', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'gateway']);
  });

  it('runs nats-server with JetStream on loopback and its store in the state dir', () => {
    expect(byName().get('nats')).toMatchObject({
      command: '/bin/nats-server',
      args: ['-js', '-a', '127.0.0.1', '-p', '4222', '-sd', '/repo/.magpie/nats'],
      logPath: '/repo/.magpie/logs/nats.log',
      readiness: { kind: 'tcp', host: '127.0.0.1', port: 4222 },
    });
  });

  it('runs the simulator and the services with tsx from the repository root', () => {
    const plan = byName();
    expect(plan.get('llm-sim')).toMatchObject({
      command: '/usr/bin/node',
      args: ['--import', 'tsx', '/repo/tools/llm-sim/src/main.ts'],
      cwd: '/repo',
      env: { SIM_PORT: '8000', SIM_REPLICAS: '1', PATH: '/usr/bin' },
      readiness: { kind: 'http', url: 'http://127.0.0.1:8000/health' },
    });
    for (const name of ['generator', 'solver', 'sampler', 'reward', 'tagger', 'gateway']) {
      expect(plan.get(name)).toMatchObject({
        command: '/usr/bin/node',
        args: ['--import', 'tsx', `/repo/services/${name}/src/main.ts`],
        cwd: '/repo',
        logPath: `/repo/.magpie/logs/${name}.log`,
      });
    }
  });

  it('takes the entry command from the caller, so a compiled build can replace the sources', () => {
    const plan = byName({ ...BASE, entry: (component) => ({ command: '/usr/bin/node', args: [`/repo/dist/${component}/main.js`] }) });
    expect(plan.get('solver')).toMatchObject({ command: '/usr/bin/node', args: ['/repo/dist/solver/main.js'] });
    expect(plan.get('llm-sim')).toMatchObject({ args: ['/repo/dist/llm-sim/main.js'] });
    expect(plan.get('nats')?.command).toBe('/bin/nats-server');
  });

  it('gives every service NATS_URL, LOG_LEVEL, its own HEALTH_PORT and its backend', () => {
    const plan = byName();
    const envOf = (name: string) => plan.get(name)?.env ?? {};
    const common = { NATS_URL: 'nats://127.0.0.1:4222', LOG_LEVEL: 'info', PATH: '/usr/bin' };
    expect(envOf('generator')).toMatchObject({ ...common, HEALTH_PORT: '9101', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('solver')).toMatchObject({ ...common, HEALTH_PORT: '9102', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('sampler')).toMatchObject({ ...common, HEALTH_PORT: '9103', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('reward')).toMatchObject({ ...common, HEALTH_PORT: '9104', REWARD_BASE_URL: 'http://127.0.0.1:8000' });
    expect(envOf('reward')).not.toHaveProperty('LLM_BASE_URL');
    expect(envOf('tagger')).toMatchObject({ ...common, HEALTH_PORT: '9106', LLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    expect(envOf('gateway')).toMatchObject({ ...common, HEALTH_PORT: '9105', GRPC_HOST: '127.0.0.1', GRPC_PORT: '50051' });
    expect(envOf('gateway')).not.toHaveProperty('LLM_BASE_URL');
  });

  it('gives a component its own variables and no other component sees them', () => {
    const plan = planLocalPlatform({
      ...BASE,
      serviceEnv: { MAX_NUM_SEQS: '8' },
      componentEnv: { solver: { NATS_USER: 'solver', NATS_PASS: 's3cret' }, gateway: { GATEWAY_TOKEN: 't0ken' } },
    });
    const solver = plan.find((c) => c.name === 'solver');
    expect(solver?.env).toMatchObject({ NATS_USER: 'solver', NATS_PASS: 's3cret', MAX_NUM_SEQS: '8' });
    for (const component of plan.filter((c) => c.name !== 'solver')) expect(Object.values(component.env)).not.toContain('s3cret');
    for (const component of plan.filter((c) => c.name !== 'gateway')) expect(component.env).not.toHaveProperty('GATEWAY_TOKEN');
    expect(plan.find((c) => c.name === 'llm-sim')?.env).not.toHaveProperty('MAX_NUM_SEQS');
  });

  it('runs nats-server with a generated config file, written owner-only before it starts', () => {
    const nats = byName({ ...BASE, natsConfig: { path: '/repo/.magpie/nats.conf', content: 'authorization {}\n' } }).get('nats');
    expect(nats?.args.slice(-2)).toEqual(['-c', '/repo/.magpie/nats.conf']);
    expect(nats?.files).toEqual([{ path: '/repo/.magpie/nats.conf', content: 'authorization {}\n' }]);
  });

  it('starts one simulator per stage with replicas on consecutive ports when asked', () => {
    const plan = planLocalPlatform({ ...BASE, simReplicas: 2, ports: { ...BASE.ports, sim: { generator: 8000, solver: 8010, sampler: 8020, reward: 8030, tagger: 8040 } } });
    expect(plan.map((c) => c.name).slice(1, 6)).toEqual(['llm-sim-generator', 'llm-sim-solver', 'llm-sim-sampler', 'llm-sim-reward', 'llm-sim-tagger']);
    const solverSim = plan.find((c) => c.name === 'llm-sim-solver');
    expect(solverSim).toMatchObject({ env: { SIM_PORT: '8010', SIM_REPLICAS: '2' }, ports: { http0: 8010, http1: 8011 } });
    expect(solverSim?.readiness).toEqual({ kind: 'http', url: 'http://127.0.0.1:8011/health' });
    expect(plan.find((c) => c.name === 'solver')?.env.LLM_BASE_URL).toBe('http://127.0.0.1:8010/v1,http://127.0.0.1:8011/v1');
    expect(plan.find((c) => c.name === 'reward')?.env.REWARD_BASE_URL).toBe('http://127.0.0.1:8030,http://127.0.0.1:8031');
    expect(simulatorUrls(plan, 'sampler')).toEqual(['http://127.0.0.1:8020', 'http://127.0.0.1:8021']);
    expect(plan.find((c) => c.name === 'tagger')?.env.LLM_BASE_URL).toBe('http://127.0.0.1:8040/v1,http://127.0.0.1:8041/v1');
  });

  it('checks services on /healthz and the gateway over gRPC too', () => {
    const plan = byName();
    expect(plan.get('solver')?.readiness).toEqual({ kind: 'http', url: 'http://127.0.0.1:9102/healthz' });
    expect(plan.get('gateway')?.readiness).toEqual({
      kind: 'grpc',
      address: '127.0.0.1:50051',
      healthUrl: 'http://127.0.0.1:9105/healthz',
    });
  });
});
