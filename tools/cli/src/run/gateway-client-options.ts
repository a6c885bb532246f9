import { readFileSync } from 'node:fs';
import type { MagpieClientOptions } from '@magpie/api';

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
