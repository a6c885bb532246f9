import { Option, type Command } from 'commander';
import type { CliConfig } from '../config.js';
import { parseAddress, parsePositiveInt } from '../parse-options.js';
import type { GatewayAccessFlags } from '../run/gateway-client-options.js';

/** How to reach the gateway, as commander parses it: every command that talks to one has these. */
export interface GatewayFlags extends GatewayAccessFlags {
  readonly gateway: string;
  readonly waitMs: number;
}

/** The default of --wait-ms: how long a command waits for an unavailable gateway. */
export const DEFAULT_WAIT_MS = 60_000;

/**
 * Adds how to reach the gateway to every command that calls it: --gateway, --token, --tls-ca,
 * --tls-cert, --tls-key (each defaulting to its MAGPIE_* variable) and --wait-ms.
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
      .addOption(
        new Option('--wait-ms <ms>', 'how long to wait for an unavailable gateway, at the start and for every call (retried with backoff)')
          .argParser(parsePositiveInt)
          .default(DEFAULT_WAIT_MS),
      )
  );
}

