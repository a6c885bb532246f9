import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { probeTcp } from '@magpie/launcher';
import { describe, expect, it } from 'vitest';
import { NatsServerFixture } from './nats-server-fixture.js';
import { WaitTimeoutError, waitFor } from './wait-for.js';

/** The INFO line a NATS server greets every client with. */
function serverInfo(port: number): Promise<{ jetstream?: boolean; port?: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\r\n')[0] ?? '';
      if (!text.includes('\r\n')) return;
      socket.destroy();
      resolve(JSON.parse(line.replace(/^INFO /, '')) as { jetstream?: boolean; port?: number });
    });
    socket.once('error', reject);
  });
}

describe('NatsServerFixture', () => {
  it('runs nats-server with JetStream on a free port, restarts it on the same port and store, and cleans up', async () => {
    const nats = await NatsServerFixture.start();
    expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
    expect(await serverInfo(nats.port)).toMatchObject({ jetstream: true, port: nats.port });
    await nats.restart(100);
    expect(await serverInfo(nats.port)).toMatchObject({ jetstream: true, port: nats.port });
    expect(existsSync(nats.storeDir)).toBe(true);
    await nats.stop();
    expect(existsSync(nats.storeDir)).toBe(false);
    expect(await probeTcp('127.0.0.1', nats.port, 1_000)).toBe(false);
  });
});

describe('waitFor', () => {
  it('polls until the condition holds and returns its value', async () => {
    let calls = 0;
    expect(await waitFor('the third call', () => (++calls >= 3 ? calls : undefined), 5_000, 1)).toBe(3);
  });

  it('times out naming what it waited for, keeping the last error', async () => {
    const error = await waitFor('a miracle', () => Promise.reject(new Error('not yet')), 50, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(String(error)).toMatch(/waiting for a miracle/);
    expect((error as WaitTimeoutError).cause).toMatchObject({ message: 'not yet' });
  });
});
