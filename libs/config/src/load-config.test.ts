import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, envBool, envInt, envList, loadConfig } from './load-config.js';

const Schema = z.object({
  PORT: envInt(8080, 0, 65_535),
  DEBUG: envBool(false),
  URLS: envList(['a']),
  NAME: z.string().min(1),
});

describe('loadConfig', () => {
  it('applies defaults and parses values, returning a frozen object', () => {
    const config = loadConfig(Schema, { NAME: 'gw', DEBUG: 'yes', URLS: 'x, y,,' });
    expect(config).toEqual({ PORT: 8080, DEBUG: true, URLS: ['x', 'y'], NAME: 'gw' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(Schema, { NAME: 'gw', PORT: '' }).PORT).toBe(8080);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig(Schema, { PORT: '70000', DEBUG: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig(Schema, { PORT: '70000', DEBUG: 'maybe' })).toThrow(/PORT: .*DEBUG: .*NAME: /);
  });

  it('ignores variables the schema does not name', () => {
    expect(loadConfig(Schema, { NAME: 'gw', SECRET: 'x' })).not.toHaveProperty('SECRET');
  });
});
