import { readFileSync } from 'node:fs';
import { createMagpieClient, type MagpieClient, type MagpieClientOptions } from '@magpie/api';

/** How to reach the gateway beyond its address: bearer token and TLS files (flags or MAGPIE_* env). */
export interface GatewayAccessFlags {
  /** A secret: never print or log it. */
  readonly token?: string;
  readonly tlsCa?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

/** Thrown when the gateway access flags do not fit together or a TLS file cannot be read. */
export class GatewayAccessError extends Error {
  override readonly name = 'GatewayAccessError';
}

function read(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new GatewayAccessError(`cannot read ${flag} ${path}`, { cause });
  }
}

/**
 * A short reconnect backoff (grpc-js defaults to 1 s growing to 120 s), so a gateway that comes
 * back while the CLI waits for it (up to --wait-ms) is noticed within about two seconds.
 */
export const GATEWAY_CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 2_000,
} as const;

/** A gateway client for the CLI: the access flags' token and TLS, and the short reconnect backoff. */
export function createGatewayClient(address: string, flags: GatewayAccessFlags): MagpieClient {
  return createMagpieClient(address, { ...gatewayClientOptions(flags), channelOptions: GATEWAY_CHANNEL_OPTIONS });
}

/**
 * Client options from the access flags: TLS when any of --tls-ca, --tls-cert, --tls-key is given
 * (the system roots when --tls-ca is not), the bearer token when --token is. Throws
 * GatewayAccessError for --tls-cert without --tls-key (or the reverse) or an unreadable file.
 */
export function gatewayClientOptions(flags: GatewayAccessFlags): MagpieClientOptions {
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new GatewayAccessError('--tls-cert and --tls-key must be given together');
  const tls = flags.tlsCa !== undefined || flags.tlsCert !== undefined;
  return {
    ...(flags.token === undefined ? {} : { token: flags.token }),
    ...(tls
      ? {
          tls: {
            ...(flags.tlsCa === undefined ? {} : { ca: read('--tls-ca', flags.tlsCa) }),
            ...(flags.tlsCert === undefined ? {} : { cert: read('--tls-cert', flags.tlsCert) }),
            ...(flags.tlsKey === undefined ? {} : { key: read('--tls-key', flags.tlsKey) }),
          },
        }
      : {}),
  };
}
