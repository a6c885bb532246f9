import * as grpc from '@grpc/grpc-js';
import { ClientOptionsError } from './errors.js';

/** PEM material for a TLS connection to the gateway. */
export interface ClientTlsOptions {
  /** CA bundle that signed the gateway's certificate; the system roots when omitted. */
  readonly ca?: Buffer;
  /** Client certificate chain and key for mTLS; both or neither. */
  readonly cert?: Buffer;
  readonly key?: Buffer;
  /** Expected name in the gateway's certificate when it differs from the address's host. */
  readonly serverName?: string;
}

/** How a client connects and authenticates. */
export interface MagpieClientOptions {
  /** Sent as `authorization: Bearer <token>` on every call. */
  readonly token?: string;
  /** TLS (optionally mTLS); insecure when omitted. */
  readonly tls?: ClientTlsOptions;
  /** Custom channel credentials, instead of `tls` (the token is still sent). */
  readonly credentials?: grpc.ChannelCredentials;
  /** grpc-js channel options, e.g. a short reconnect backoff for a CLI that waits for a gateway to come back. */
  readonly channelOptions?: grpc.ChannelOptions;
}

/** What a MagpieClient needs: the channel credentials, metadata for every call, channel options. */
export interface ClientConnection {
  readonly credentials: grpc.ChannelCredentials;
  /** Added to every call. Set when a token must travel on an insecure channel, which refuses call credentials. */
  readonly callMetadata?: grpc.Metadata;
  readonly channelOptions: grpc.ChannelOptions;
}

const TOKEN = /^[\x21-\x7e]+$/;

function bearer(token: string): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/**
 * Channel credentials and call metadata for `options`. With TLS the token travels as call
 * credentials (grpc-js attaches them to every call); without TLS grpc-js refuses call credentials,
 * so the token is returned as metadata for the client to add to each call. Throws
 * ClientOptionsError for a token that is not printable ASCII without spaces, or a key without a
 * certificate (or the reverse).
 */
export function clientConnection(options: MagpieClientOptions = {}): ClientConnection {
  const { token, tls } = options;
  if (token !== undefined && !TOKEN.test(token)) throw new ClientOptionsError('the token must be printable ASCII without spaces');
  if (tls && (tls.cert === undefined) !== (tls.key === undefined)) {
    throw new ClientOptionsError('a client certificate and its key must be given together');
  }
  const channelOptions: grpc.ChannelOptions = {
    ...options.channelOptions,
    ...(tls?.serverName ? { 'grpc.ssl_target_name_override': tls.serverName } : {}),
  };
  const base =
    options.credentials ?? (tls ? grpc.credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null) : grpc.credentials.createInsecure());
  if (token === undefined) return { credentials: base, channelOptions };
  // _isSecure is grpc-js's public (if underscored) way to tell; insecure channels refuse call credentials.
  if (!base._isSecure()) return { credentials: base, channelOptions, callMetadata: bearer(token) };
  const callCredentials = grpc.credentials.createFromMetadataGenerator((_params, callback) => callback(null, bearer(token)));
  return { credentials: grpc.credentials.combineChannelCredentials(base, callCredentials), channelOptions };
}
