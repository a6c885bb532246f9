import type * as grpc from '@grpc/grpc-js';
import { BearerAuthenticator } from './bearer-authenticator.js';
import type { GatewayConfig } from './config.js';
import { createServerCredentials } from './create-server-credentials.js';
import { SecuritySetupError } from './errors.js';
import { readTokensFile } from './read-tokens-file.js';

export type SecurityConfig = Pick<
  GatewayConfig,
  'GATEWAY_TOKEN' | 'GATEWAY_TOKENS_FILE' | 'GRPC_TLS_CERT_FILE' | 'GRPC_TLS_KEY_FILE' | 'GRPC_TLS_CLIENT_CA_FILE'
>;

/** What the gateway enforces; `summary` is safe to log (it holds no secret). */
export interface GatewaySecurity {
  readonly authenticator: BearerAuthenticator;
  readonly credentials: grpc.ServerCredentials;
  readonly summary: { readonly auth: 'bearer' | 'off'; readonly tokens: number; readonly transport: 'insecure' | 'tls' | 'mtls' };
}

/**
 * The authenticator and server credentials from the configuration: tokens from
 * GATEWAY_TOKENS_FILE and GATEWAY_TOKEN (both may be set; either token is accepted), TLS from the
 * certificate files. Throws SecuritySetupError when a file cannot be read or a token is unusable.
 */
export function gatewaySecurity(config: SecurityConfig): GatewaySecurity {
  const tokens = [
    ...(config.GATEWAY_TOKENS_FILE === undefined ? [] : readTokensFile(config.GATEWAY_TOKENS_FILE)),
    ...(config.GATEWAY_TOKEN === undefined ? [] : [config.GATEWAY_TOKEN.trim()]),
  ];
  let authenticator: BearerAuthenticator;
  try {
    authenticator = new BearerAuthenticator(tokens);
  } catch (cause) {
    throw new SecuritySetupError('a gateway token must be non-empty printable ASCII without spaces', { cause });
  }
  const tls =
    config.GRPC_TLS_CERT_FILE !== undefined && config.GRPC_TLS_KEY_FILE !== undefined
      ? {
          certFile: config.GRPC_TLS_CERT_FILE,
          keyFile: config.GRPC_TLS_KEY_FILE,
          ...(config.GRPC_TLS_CLIENT_CA_FILE === undefined ? {} : { clientCaFile: config.GRPC_TLS_CLIENT_CA_FILE }),
        }
      : undefined;
  return {
    authenticator,
    credentials: createServerCredentials(tls),
    summary: {
      auth: authenticator.enabled ? 'bearer' : 'off',
      tokens: tokens.length,
      transport: tls === undefined ? 'insecure' : tls.clientCaFile === undefined ? 'tls' : 'mtls',
    },
  };
}
