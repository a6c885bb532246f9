import { ConfigError } from '@magpie/config';
import { describe, expect, it } from 'vitest';
import { loadCliConfig } from './config.js';

describe('loadCliConfig', () => {
  it('uses defaults when nothing is set, and treats empty variables as unset', () => {
    const config = loadCliConfig({ PATH: '/usr/bin', MAGPIE_GATEWAY: '' });
    expect(config).toMatchObject({
      gateway: '127.0.0.1:50051',
      outDir: 'data',
      stateDir: '.magpie',
      natsPort: 4222,
      simPort: 8000,
      grpcPort: 50051,
      searchPath: '/usr/bin',
    });
  });

  it('reads the MAGPIE_* variables', () => {
    const config = loadCliConfig({
      MAGPIE_GATEWAY: 'gw:1',
      MAGPIE_OUT_DIR: '/tmp/out',
      MAGPIE_STATE_DIR: '/tmp/state',
      MAGPIE_NATS_PORT: '14222',
      MAGPIE_SIM_PORT: '18000',
      MAGPIE_GRPC_PORT: '15051',
    });
    expect(config).toMatchObject({ gateway: 'gw:1', outDir: '/tmp/out', stateDir: '/tmp/state', natsPort: 14222, simPort: 18000, grpcPort: 15051 });
    expect(config.inheritedEnv.MAGPIE_GATEWAY).toBe('gw:1');
  });

  it('names every invalid variable', () => {
    expect(() => loadCliConfig({ MAGPIE_NATS_PORT: 'x', MAGPIE_GRPC_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadCliConfig({ MAGPIE_NATS_PORT: 'x', MAGPIE_GRPC_PORT: '70000' })).toThrow(/MAGPIE_NATS_PORT.*MAGPIE_GRPC_PORT/);
  });
});
