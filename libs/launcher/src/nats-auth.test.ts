import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NATS_CONFIG_TEMPLATE, NatsAuthError, loadNatsPasswords, localNatsAuth, natsUsersOf, renderNatsConfig } from './nats-auth.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TEMPLATE = readFileSync(join(REPO_ROOT, NATS_CONFIG_TEMPLATE), 'utf8');

describe('NATS authentication of a local platform', () => {
  it('reads one user per service and admin from configs/nats/nats-server.conf', () => {
    expect(natsUsersOf(TEMPLATE)).toEqual(
      ['gateway', 'generator', 'solver', 'sampler', 'reward', 'tagger', 'admin'].map((user) => ({ user, variable: `${user.toUpperCase()}_NATS_PASS` })),
    );
  });

  it('generates passwords once, stores them owner-only and reuses them on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nats-auth-'));
    const first = localNatsAuth(REPO_ROOT, dir);
    const file = join(dir, 'nats-passwords.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(first.passwords).sort()).toEqual(['admin', 'gateway', 'generator', 'reward', 'sampler', 'solver', 'tagger']);
    expect(new Set(Object.values(first.passwords)).size).toBe(7);
    for (const password of Object.values(first.passwords)) expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Someone loosened the file: it is tightened again, and the passwords stay.
    chmodSync(file, 0o644);
    expect(localNatsAuth(REPO_ROOT, dir).passwords).toEqual(first.passwords);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('adds a password for a user the file does not have yet, keeping the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nats-auth-'));
    const file = join(dir, 'nats-passwords.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, passwords: { solver: 'kept-0123456789abcdef' } }));
    const passwords = loadNatsPasswords(file, natsUsersOf(TEMPLATE));
    expect(passwords.solver).toBe('kept-0123456789abcdef');
    expect(Object.keys(passwords)).toHaveLength(7);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { passwords: unknown }).passwords).toEqual(passwords);
  });

  it('renders every password reference, and refuses a config it cannot fill', () => {
    const auth = localNatsAuth(REPO_ROOT, mkdtempSync(join(tmpdir(), 'nats-auth-')));
    const config = renderNatsConfig(auth);
    expect(config).not.toMatch(/\$[A-Z]+_NATS_PASS/);
    expect(config).toContain(`password: "${auth.passwords.solver}"`);
    expect(renderNatsConfig({ ...auth, maxFileStoreBytes: 8_000_000 })).toMatch(/jetstream \{ max_file_store: 8000000 \}\n$/);
    const { solver: _solver, ...withoutSolver } = auth.passwords;
    expect(() => renderNatsConfig({ ...auth, passwords: withoutSolver })).toThrow(NatsAuthError);
    expect(() => renderNatsConfig({ ...auth, passwords: { ...auth.passwords, solver: 'a"b' } })).toThrow(/characters other than/);
    expect(() => renderNatsConfig({ ...auth, template: `${TEMPLATE}\nx: $STRAY_NATS_PASS\n` })).toThrow(/STRAY_NATS_PASS/);
  });
});
