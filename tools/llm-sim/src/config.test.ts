import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { ConfigError } from '@magpie/config';
import { describe, expect, it } from 'vitest';
import { loadSimConfig } from './config.js';

describe('loadSimConfig', () => {
  it('has the documented defaults', () => {
    expect(loadSimConfig({})).toEqual({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 8000,
      SIM_SEED: 1234,
      SIM_ACCURACY: 0.8,
      SIM_DELAY_MS: 0,
      SIM_REASONING_PARSER: false,
      MAGPIE_CONFIG_DIR: DEFAULT_CONFIG_DIR,
      LOG_LEVEL: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadSimConfig({ SIM_PORT: '0', SIM_SEED: '7', SIM_ACCURACY: '0.5', SIM_DELAY_MS: '25', SIM_REASONING_PARSER: 'true', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ SIM_PORT: 0, SIM_SEED: 7, SIM_ACCURACY: 0.5, SIM_DELAY_MS: 25, SIM_REASONING_PARSER: true, LOG_LEVEL: 'warn' });
  });

  it.each([{ SIM_ACCURACY: '1.5' }, { SIM_PORT: 'http' }, { SIM_REASONING_PARSER: 'maybe' }])('rejects %j with ConfigError', (env) => {
    expect(() => loadSimConfig(env)).toThrow(ConfigError);
  });
});
