import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { ConfigError } from '@magpie/config';
import { describe, expect, it } from 'vitest';
import { loadSimConfig } from './config.js';

describe('loadSimConfig', () => {
  it('has the documented defaults', () => {
    expect(loadSimConfig({})).toEqual({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 8000,
      SIM_REPLICAS: 1,
      SIM_SEED: 1234,
      SIM_ACCURACY: 0.8,
      SIM_DELAY_MS: 0,
      SIM_REASONING_PARSER: false,
      SIM_EMPTY_RATE: 0,
      SIM_MAX_NUM_SEQS: 256,
      SIM_TIME_SCALE: 0,
      SIM_PREFILL_MS_PER_TOKEN: 0.1,
      SIM_DECODE_BASE_MS: 25,
      SIM_DECODE_MS_PER_RUNNING_SEQ: 0.137,
      SIM_ERROR_RATE: 0,
      SIM_HANG_RATE: 0,
      SIM_SLOW_RATE: 0,
      SIM_SLOW_FACTOR: 10,
      SIM_MALFORMED_RATE: 0,
      SIM_RESET_RATE: 0,
      MAGPIE_CONFIG_DIR: DEFAULT_CONFIG_DIR,
      LOG_LEVEL: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadSimConfig({
      SIM_PORT: '0',
      SIM_REPLICAS: '4',
      SIM_SEED: '7',
      SIM_ACCURACY: '0.5',
      SIM_DELAY_MS: '25',
      SIM_REASONING_PARSER: 'true',
      SIM_EMPTY_RATE: '0.1',
      SIM_MAX_NUM_SEQS: '8',
      SIM_TIME_SCALE: '100',
      SIM_PREFILL_MS_PER_TOKEN: '0.2',
      SIM_DECODE_BASE_MS: '10',
      SIM_DECODE_MS_PER_RUNNING_SEQ: '1',
      SIM_ERROR_RATE: '0.1',
      SIM_HANG_RATE: '0.1',
      SIM_SLOW_RATE: '0.1',
      SIM_SLOW_FACTOR: '3',
      SIM_MALFORMED_RATE: '0.1',
      SIM_RESET_RATE: '0.1',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      SIM_PORT: 0,
      SIM_REPLICAS: 4,
      SIM_SEED: 7,
      SIM_ACCURACY: 0.5,
      SIM_DELAY_MS: 25,
      SIM_REASONING_PARSER: true,
      SIM_EMPTY_RATE: 0.1,
      SIM_MAX_NUM_SEQS: 8,
      SIM_TIME_SCALE: 100,
      SIM_PREFILL_MS_PER_TOKEN: 0.2,
      SIM_DECODE_BASE_MS: 10,
      SIM_DECODE_MS_PER_RUNNING_SEQ: 1,
      SIM_ERROR_RATE: 0.1,
      SIM_HANG_RATE: 0.1,
      SIM_SLOW_RATE: 0.1,
      SIM_SLOW_FACTOR: 3,
      SIM_MALFORMED_RATE: 0.1,
      SIM_RESET_RATE: 0.1,
      LOG_LEVEL: 'warn',
    });
  });

  it.each([
    { SIM_ACCURACY: '1.5' },
    { SIM_PORT: 'http' },
    { SIM_REASONING_PARSER: 'maybe' },
    { SIM_EMPTY_RATE: '2' },
    { SIM_REPLICAS: '0' },
    { SIM_TIME_SCALE: '-1' },
    { SIM_SLOW_FACTOR: '0.5' },
    { SIM_ERROR_RATE: '0.6', SIM_HANG_RATE: '0.6' },
  ])('rejects %j with ConfigError', (env) => {
    expect(() => loadSimConfig(env)).toThrow(ConfigError);
  });
});
