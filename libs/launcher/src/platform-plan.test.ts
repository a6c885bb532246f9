import { describe, expect, it } from 'vitest';
import { KILL_MARGIN_MS, SHUTDOWN_DRAIN_MS } from './grace-budget.js';
import { entryLikeThisProcess, fromBuild, fromSources, planLocalPlatform, simulatorUrls, type PlatformPlanOptions } from './platform-plan.js';

const HEALTH = { generator: 9101, solver: 9102, sampler: 9103, reward: 9104, tagger: 9106, gateway: 9105 };
const USERS = ['gateway', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'admin'];
const TEMPLATE = USERS.map((u) => `{ user: ${u}\n  password: $${u.toUpperCase()}_NATS_PASS }`).join('\n');
const PASSWORDS = Object.fromEntries(USERS.map((u) => [u, `pw-${u}-0123456789abcdef`]));
const BASE: PlatformPlanOptions = {
  repoRoot: '/repo',
  stateDir: '/repo/.magpie',
  natsServerPath: '/bin/nats-server',
  entry: fromSources('/usr/bin/node', '/repo'),
  ports: { nats: 4222, sim: 8000, grpc: 50051, health: HEALTH },
  baseEnv: { PATH: '/usr/bin', NATS_URL: 'nats://elsewhere:1' },
  natsAuth: { template: TEMPLATE, passwords: PASSWORDS },
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
      args: ['-js', '-a', '127.0.0.1', '-p', '4222', '-sd', '/repo/.magpie/nats', '-c', '/repo/.magpie/nats-server.conf'],
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

  it('takes the entry command from the caller: the build output runs as plain node on each bundle', () => {
    const plan = byName({ ...BASE, entry: fromBuild('/usr/bin/node', '/repo/dist') });
    expect(plan.get('solver')).toMatchObject({ command: '/usr/bin/node', args: ['/repo/dist/solver.js'] });
    expect(plan.get('gateway')).toMatchObject({ args: ['/repo/dist/gateway.js'] });
    expect(plan.get('llm-sim')).toMatchObject({ args: ['/repo/dist/llm-sim.js'] });
    expect(plan.get('nats')?.command).toBe('/bin/nats-server');
  });

  it('starts children as this code runs: from the sources here, under tsx', () => {
    expect(entryLikeThisProcess('/usr/bin/node')('reward').args).toEqual(['--import', 'tsx', expect.stringMatching(/services\/reward\/src\/main\.ts$/) as string]);
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
    const plan = planLocalPlatform({ ...BASE, serviceEnv: { MAX_NUM_SEQS: '8' }, componentEnv: { solver: { EXTRA: 'for-the-solver' } } });
    expect(plan.find((c) => c.name === 'solver')?.env).toMatchObject({ EXTRA: 'for-the-solver', MAX_NUM_SEQS: '8' });
    for (const component of plan.filter((c) => c.name !== 'solver')) expect(component.env).not.toHaveProperty('EXTRA');
    expect(plan.find((c) => c.name === 'llm-sim')?.env).not.toHaveProperty('MAX_NUM_SEQS');
  });

  it('runs nats-server with the config rendered with this platform\'s passwords, written owner-only before it starts', () => {
    const nats = byName().get('nats');
    expect(nats?.files).toHaveLength(1);
    const content = nats?.files?.[0]?.content ?? '';
    expect(nats?.files?.[0]?.path).toBe('/repo/.magpie/nats-server.conf');
    for (const user of USERS) expect(content).toContain(`password: "${PASSWORDS[user]}"`);
    expect(content).not.toMatch(/\$[A-Z]+_NATS_PASS/);
    // Its environment holds none of them: they are in the file.
    for (const password of Object.values(PASSWORDS)) expect(Object.values(nats?.env ?? {})).not.toContain(password);
  });

  it('gives each service its own NATS user and password, and no other process any of them', () => {
    const plan = planLocalPlatform(BASE);
    for (const component of plan) {
      const mine = ['generator', 'solver', 'sampler', 'reward', 'tagger', 'gateway'].includes(component.name) ? component.name : undefined;
      expect(component.env.NATS_USER, component.name).toBe(mine);
      expect(component.env.NATS_PASS, component.name).toBe(mine ? PASSWORDS[mine] : undefined);
      const others = Object.entries(PASSWORDS).filter(([user]) => user !== mine).map(([, password]) => password);
      for (const value of Object.values(component.env)) expect(others, component.name).not.toContain(value);
    }
  });

  it('routes inherited secrets to the components that need them, and inherited NATS credentials to none', () => {
    const plan = planLocalPlatform({
      ...BASE,
      baseEnv: { ...BASE.baseEnv, GATEWAY_TOKEN: 'tok', LLM_API_KEY: 'sk', MAGPIE_TOKEN: 'cli', NATS_PASS: 'old', SOLVER_NATS_PASS: 'old2', HOME: '/root' },
      serviceEnv: { GATEWAY_TOKENS_FILE: '/secrets/tokens' },
    });
    const envOf = (name: string) => plan.find((c) => c.name === name)?.env ?? {};
    expect(envOf('gateway')).toMatchObject({ GATEWAY_TOKEN: 'tok', GATEWAY_TOKENS_FILE: '/secrets/tokens', HOME: '/root' });
    expect(envOf('gateway')).not.toHaveProperty('LLM_API_KEY');
    for (const stage of ['generator', 'solver', 'sampler', 'reward']) {
      expect(envOf(stage), stage).toMatchObject({ LLM_API_KEY: 'sk', NATS_PASS: PASSWORDS[stage] });
      expect(envOf(stage), stage).not.toHaveProperty('GATEWAY_TOKEN');
    }
    for (const component of plan) {
      expect(component.env, component.name).not.toHaveProperty('MAGPIE_TOKEN');
      expect(component.env, component.name).not.toHaveProperty('SOLVER_NATS_PASS');
      expect(Object.values(component.env), component.name).not.toContain('old');
    }
    for (const name of ['nats', 'llm-sim']) expect(Object.keys(envOf(name)).sort(), name).not.toEqual(expect.arrayContaining(['GATEWAY_TOKEN']));
    expect(envOf('llm-sim')).not.toHaveProperty('LLM_API_KEY');
    expect(envOf('nats')).not.toHaveProperty('LLM_API_KEY');
  });

  it('derives every service\'s SHUTDOWN_GRACE_MS and stop grace from one value', () => {
    for (const [options, graceMs] of [[BASE, 20_000], [{ ...BASE, shutdownGraceMs: 2_000 }, 2_000]] as const) {
      for (const service of planLocalPlatform(options).filter((c) => c.env.HEALTH_PORT !== undefined)) {
        expect(service.env.SHUTDOWN_GRACE_MS, service.name).toBe(String(graceMs));
        // Past the grace period the service drains NATS and exits by itself; SIGKILL comes after that.
        expect(service.stopGraceMs, service.name).toBe(graceMs + KILL_MARGIN_MS);
      }
    }
    expect(KILL_MARGIN_MS).toBeGreaterThan(SHUTDOWN_DRAIN_MS);
    expect(() => planLocalPlatform({ ...BASE, serviceEnv: { SHUTDOWN_GRACE_MS: '1000' } })).toThrow(/serviceEnv.SHUTDOWN_GRACE_MS: set shutdownGraceMs instead/);
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
