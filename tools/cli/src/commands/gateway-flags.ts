import { Option, type Command } from 'commander';
import type { CliConfig } from '../config.js';
import { parseAddress } from '../parse-options.js';

/**
 * Adds how to reach the gateway — `--gateway`, `--token`, `--tls-ca`, `--tls-cert`, `--tls-key`,
 * each defaulting to its MAGPIE_* variable — to every command that calls it.
 */
export function addGatewayFlags(command: Command, config: CliConfig): Command {
  return (
    command
      .addOption(new Option('--gateway <host:port>', 'gateway address (env MAGPIE_GATEWAY)').argParser(parseAddress).default(config.gateway))
      // The token's default is described, never shown: help output must not print a secret.
      .addOption(new Option('--token <token>', 'bearer token for the gateway (env MAGPIE_TOKEN)').default(config.token, 'env MAGPIE_TOKEN'))
      .addOption(new Option('--tls-ca <file>', "connect with TLS, trusting this CA's PEM (env MAGPIE_TLS_CA)").default(config.tlsCa))
      .addOption(new Option('--tls-cert <file>', 'client certificate (PEM) for mTLS; needs --tls-key (env MAGPIE_TLS_CERT)').default(config.tlsCert))
      .addOption(new Option('--tls-key <file>', 'client private key (PEM) for mTLS; needs --tls-cert (env MAGPIE_TLS_KEY)').default(config.tlsKey))
  );
}
