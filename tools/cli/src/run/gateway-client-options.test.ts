import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRunCommand, type RunCommandOptions } from '../commands/run-command.js';
import { loadCliConfig } from '../config.js';
import { parseCommand } from '../testing/parse-command.js';
import { GatewayAccessError, gatewayClientOptions } from './gateway-client-options.js';

const dir = mkdtempSync(join(tmpdir(), 'magpie-cli-tls-'));
const ca = join(dir, 'ca.pem');
writeFileSync(ca, 'CA PEM');

describe('gateway access flags', () => {
  it('take --token and --tls-* from the command line, or MAGPIE_TOKEN and MAGPIE_TLS_* from the environment', async () => {
    const parse = (env: Record<string, string>, argv: string[]): Promise<RunCommandOptions> =>
      parseCommand<RunCommandOptions>((execute) => defineRunCommand(loadCliConfig(env), execute), ['run', '--domain', 'algebra', ...argv]);
    expect(await parse({}, [])).not.toHaveProperty('token');
    expect(await parse({}, ['--token', 't1', '--tls-ca', ca, '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toMatchObject({
      token: 't1',
      tlsCa: ca,
      tlsCert: 'c.pem',
      tlsKey: 'k.pem',
    });
    expect(await parse({ MAGPIE_TOKEN: 'from-env', MAGPIE_TLS_CA: ca }, [])).toMatchObject({ token: 'from-env', tlsCa: ca });
    expect(await parse({ MAGPIE_TOKEN: 'from-env' }, ['--token', 'flag-wins'])).toMatchObject({ token: 'flag-wins' });
  });

  it('never shows the token in help', () => {
    const help = defineRunCommand(loadCliConfig({ MAGPIE_TOKEN: 'do-not-print-me' }), () => Promise.resolve()).helpInformation();
    expect(help).toContain('--token <token>');
    expect(help).not.toContain('do-not-print-me');
  });
});

describe('gatewayClientOptions', () => {
  it('is insecure without --tls-* and passes the token on', () => {
    expect(gatewayClientOptions({})).toEqual({});
    expect(gatewayClientOptions({ token: 't' })).toEqual({ token: 't' });
  });

  it('reads the PEM files for TLS', () => {
    expect(gatewayClientOptions({ tlsCa: ca })).toEqual({ tls: { ca: Buffer.from('CA PEM') } });
  });

  it('throws GatewayAccessError for half an mTLS pair or a missing file', () => {
    expect(() => gatewayClientOptions({ tlsCert: ca })).toThrow(GatewayAccessError);
    expect(() => gatewayClientOptions({ tlsCa: join(dir, 'missing.pem') })).toThrow(/cannot read --tls-ca/);
  });
});
