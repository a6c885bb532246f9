import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { SecuritySetupError } from './errors.js';

/** PEM files of the gRPC listener. */
export interface ServerTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** When set, clients must present a certificate signed by this CA (mTLS). */
  readonly clientCaFile?: string;
}

function read(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new SecuritySetupError(`cannot read ${variable} ${path}`, { cause });
  }
}

/**
 * Server credentials: insecure without `tls`; TLS with the certificate and key; with a client CA,
 * mTLS, where a client certificate is required and verified. Throws SecuritySetupError when a file
 * cannot be read or the PEM is rejected.
 */
export function createServerCredentials(tls: ServerTlsFiles | undefined): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  const cert = read('GRPC_TLS_CERT_FILE', tls.certFile);
  const key = read('GRPC_TLS_KEY_FILE', tls.keyFile);
  const ca = tls.clientCaFile === undefined ? null : read('GRPC_TLS_CLIENT_CA_FILE', tls.clientCaFile);
  try {
    return grpc.ServerCredentials.createSsl(ca, [{ cert_chain: cert, private_key: key }], ca !== null);
  } catch (cause) {
    throw new SecuritySetupError('the TLS certificate, key or client CA is not valid PEM', { cause });
  }
}
