import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nats-server config of the platform: its users and their permissions (one source for every launch). */
export const NATS_CONFIG_TEMPLATE = 'configs/nats/nats-server.conf';

/** Thrown when the config template or the passwords file cannot be used. */
export class NatsAuthError extends Error {
  override readonly name = 'NatsAuthError';
}

/** One user of the config and the `$VARIABLE` its password is read from. */
export interface NatsUser {
  readonly user: string;
  readonly variable: string;
}

/** NATS authentication of a local platform: the config template and a password per user. */
export interface NatsAuth {
  readonly template: string;
  /** Password by user name; every user of the template has one. */
  readonly passwords: Readonly<Record<string, string>>;
  /**
   * JetStream's file store limit, e.g. to try out a full store; nats-server's own default (75 %
   * of the free disk space at start) otherwise.
   */
  readonly maxFileStoreBytes?: number;
}

const USER_ENTRY = /user:\s*([A-Za-z0-9_-]+)\s*\n\s*password:\s*\$([A-Z0-9_]+_NATS_PASS)\b/g;

/** The users of a config written like configs/nats/nats-server.conf (`user: x` then `password: $X_NATS_PASS`). */
export function natsUsersOf(template: string): NatsUser[] {
  const users = [...template.matchAll(USER_ENTRY)].map((m) => ({ user: m[1] ?? '', variable: m[2] ?? '' }));
  if (users.length === 0) throw new NatsAuthError('the NATS config names no user with a `password: $<USER>_NATS_PASS` reference');
  return users;
}

/**
 * The config nats-server runs with: the template with every password reference replaced by its
 * password, so the server needs no secret in its environment (the file is written owner-only).
 * Throws NatsAuthError when a user has no password or a reference is left over.
 */
export function renderNatsConfig(auth: NatsAuth): string {
  let text = auth.template;
  for (const { user, variable } of natsUsersOf(auth.template)) {
    const password = auth.passwords[user];
    if (!password) throw new NatsAuthError(`no NATS password for user ${user}`);
    // Quoted, and only URL-safe characters, so no password can change the config's syntax.
    if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new NatsAuthError(`the NATS password of ${user} has characters other than letters, digits, '-' and '_'`);
    text = text.replaceAll(`$${variable}`, `"${password}"`);
  }
  const left = /\$[A-Z0-9_]+_NATS_PASS\b/.exec(text);
  if (left) throw new NatsAuthError(`the NATS config still refers to ${left[0]}, which belongs to no user`);
  // A later block overrides the template's `jetstream: enabled` (nats-server keeps the last value of a key).
  const limit = auth.maxFileStoreBytes === undefined ? '' : `\n# The store limit of this platform.\njetstream { max_file_store: ${Math.floor(auth.maxFileStoreBytes)} }\n`;
  return `# Generated from ${NATS_CONFIG_TEMPLATE} with this platform's passwords: do not edit, do not share.\n${text}${limit}`;
}

/** Where a platform keeps its NATS passwords: in its state directory, owner-only. */
export function natsPasswordsPath(stateDir: string): string {
  return join(stateDir, 'nats-passwords.json');
}

/**
 * The platform's password for each user, from `path` when it exists (so a restart keeps the
 * credentials operators use), else new random ones. A user the file lacks gets one, and the file
 * is (re)written owner-only (0600). Throws NatsAuthError for a file that is not ours.
 */
export function loadNatsPasswords(path: string, users: readonly NatsUser[]): Record<string, string> {
  let stored: Record<string, string> = {};
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const parsed: unknown = JSON.parse(text);
    const passwords = (parsed as { passwords?: unknown }).passwords;
    if (typeof passwords !== 'object' || passwords === null) throw new NatsAuthError(`${path}: not a NATS passwords file (no "passwords" object)`);
    stored = Object.fromEntries(Object.entries(passwords).filter((e): e is [string, string] => typeof e[1] === 'string' && /^[A-Za-z0-9_-]{16,}$/.test(e[1])));
  }
  const missing = users.filter(({ user }) => !stored[user]);
  const passwords = { ...stored, ...Object.fromEntries(missing.map(({ user }) => [user, randomBytes(24).toString('base64url')])) };
  if (missing.length > 0 || text === undefined) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ schemaVersion: 1, passwords }, null, 2)}\n`, { mode: 0o600 });
  }
  // Also tightens a file someone made readable by others.
  chmodSync(path, 0o600);
  return passwords;
}

/** A platform's NATS authentication from the repository's config and the passwords in its state directory. */
export function localNatsAuth(repoRoot: string, stateDir: string, options: { readonly maxFileStoreBytes?: number } = {}): NatsAuth {
  const template = readFileSync(join(repoRoot, NATS_CONFIG_TEMPLATE), 'utf8');
  return { template, passwords: loadNatsPasswords(natsPasswordsPath(stateDir), natsUsersOf(template)), ...options };
}
