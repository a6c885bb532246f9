import { createHash, timingSafeEqual } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { UnauthenticatedError } from './errors.js';

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

function digest(value: string): Buffer {
  // Hashing first makes every comparison equal-length, so neither content nor length leaks.
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Checks `authorization: Bearer <token>` call metadata against the configured tokens. Every
 * configured token is compared, in constant time, whatever the outcome. With no tokens
 * configured every call is allowed (`enabled` is false).
 */
export class BearerAuthenticator {
  readonly #digests: readonly Buffer[];

  /** Throws RangeError for an empty or non-printable token (it could never be sent as metadata). */
  constructor(tokens: readonly string[]) {
    for (const token of tokens) {
      if (!/^[\x21-\x7e]+$/.test(token)) throw new RangeError('a gateway token must be non-empty printable ASCII without spaces');
    }
    this.#digests = tokens.map(digest);
  }

  /** True when at least one token is configured, so calls must authenticate. */
  get enabled(): boolean {
    return this.#digests.length > 0;
  }

  /**
   * Returns when the call may proceed. Throws UnauthenticatedError when tokens are configured and
   * the metadata carries none, a malformed one, or one that matches no configured token. The
   * error message never contains what the client sent.
   */
  authenticate(metadata: grpc.Metadata): void {
    if (!this.enabled) return;
    const values = metadata.get('authorization');
    if (values.length === 0) throw new UnauthenticatedError('missing authorization metadata; send "authorization: Bearer <token>"');
    const [value] = values;
    const match = values.length === 1 && typeof value === 'string' ? BEARER.exec(value) : null;
    if (!match?.[1]) throw new UnauthenticatedError('malformed authorization metadata; expected "Bearer <token>"');
    const presented = digest(match[1]);
    let ok = false;
    for (const expected of this.#digests) ok = timingSafeEqual(presented, expected) || ok;
    if (!ok) throw new UnauthenticatedError('invalid bearer token');
  }
}
